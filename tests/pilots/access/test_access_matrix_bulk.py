"""Access matrix of Wagtail's bulk-action pages (`/admin/bulk/<app>/<model>/<action>/`),
for every bulk action Wagtail offers, asked for with `id=all` and with explicit ids:

- OWN: Barnet's officer with Barnet's ids (or id=all);
- OTHER: Barnet's officer with Brent's ids (or id=all: the same request as OWN);
- CONVENOR: the GLA convenor with Brent's ids (or id=all);
- ANON: nobody signed in;

by GET (the confirmation page) and by POST (the action, sent with no form data). A bulk
page lists only what the user may see, so Barnet's officer never reads Brent's names there
(pilot title, pending draft title, document, officer) nor a draft page's title, and OTHER's requests
with Brent's ids change nothing.

HOW TO ADD A ROW (a new bulk action fails test_every_bulk_action_has_a_row): add
`("<app>", "<model>", "<action>"): Bulk(ids=Row(...), all=Row(...))` to BULK.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from designlab.models import Breakdown
from pilots.access.bulk_actions import ScopedBulkAction
from tests.pilots.access.access_matrix_world import DENIED, LOGIN, ROLES, outcome, state

DRAFT_PAGE = "Lab handbook (draft nobody published)"


@dataclass(frozen=True)
class Row:
    get: tuple
    post: tuple


@dataclass(frozen=True)
class Bulk:
    ids: Row  # explicit ids of the side's object
    all: Row  # id=all


def same(get: tuple, post: tuple) -> Bulk:
    """The same outcomes with explicit ids and with id=all."""
    return Bulk(ids=Row(get, post), all=Row(get, post))


NOT_SEEN = (404, 404, 404, LOGIN)  # nobody here may see any of these in the admin
REFERENCE = same((404, 404, 200, LOGIN), (404, 404, 302, LOGIN))  # convenors' data

BULK: dict[tuple[str, str, str], Bulk] = {
    # Barnet's officer sees Barnet's pilots only; nobody deletes a published pilot, so the
    # POST deletes nothing and comes back to the listing.
    ("pilots", "pilot", "delete"): Bulk(
        ids=Row((200, 404, 200, LOGIN), (302, 404, 302, LOGIN)),
        all=Row((200, 200, 200, LOGIN), (302, 302, 302, LOGIN)),
    ),
    # Resources are read across the Lab: Brent's is listed to Barnet ("you may not delete").
    ("pilots", "sharedresource", "delete"): same((200, 200, 200, LOGIN), (302, 302, 302, LOGIN)),
    ("designlab", "officer", "delete"): REFERENCE,
    # A borough or Lab with pilots cannot be deleted.
    ("designlab", "lab", "delete"): same((404, 404, 200, LOGIN), (404, 404, DENIED, LOGIN)),
    ("designlab", "borough", "delete"): same((404, 404, 200, LOGIN), (404, 404, DENIED, LOGIN)),
    ("designlab", "session", "delete"): REFERENCE,
    ("designlab", "challenge", "delete"): REFERENCE,
    ("designlab", "integrationdomain", "delete"): REFERENCE,
    ("designlab", "outcome", "delete"): REFERENCE,
    # Officers read category lists and shared indicators (to choose them); only convenors
    # delete them, and one in use cannot be deleted.
    # The world has no category list: with id=all there is nothing to act on.
    ("designlab", "breakdown", "delete"): Bulk(
        ids=Row((200, 200, 200, LOGIN), (302, 302, 302, LOGIN)),
        all=Row((404, 404, 404, LOGIN), (404, 404, 404, LOGIN)),
    ),
    ("designlab", "sharedindicator", "delete"): same(
        (200, 200, 200, LOGIN), (302, 302, 302, LOGIN)
    ),
    # Neither officers nor convenors manage users or pages.
    ("auth", "user", "delete"): same((DENIED, DENIED, DENIED, LOGIN), (DENIED,) * 3 + (LOGIN,)),
    ("auth", "user", "assign_role"): same((DENIED,) * 3 + (LOGIN,), (DENIED,) * 3 + (LOGIN,)),
    ("auth", "user", "set_active_state"): same((DENIED,) * 3 + (LOGIN,), (DENIED,) * 3 + (LOGIN,)),
    ("wagtailcore", "page", "delete"): same(NOT_SEEN, NOT_SEEN),
    ("wagtailcore", "page", "move"): same(NOT_SEEN, NOT_SEEN),
    ("wagtailcore", "page", "publish"): same(NOT_SEEN, NOT_SEEN),
    ("wagtailcore", "page", "unpublish"): same(NOT_SEEN, NOT_SEEN),
    # An officer acts on the documents they uploaded.
    ("wagtaildocs", "document", "delete"): Bulk(
        ids=Row((200, 404, 200, LOGIN), (302, 404, 302, LOGIN)),
        all=Row((200, 200, 200, LOGIN), (302, 302, 302, LOGIN)),
    ),
    # POST without tags, or without a collection: the form is shown again.
    ("wagtaildocs", "document", "add_tags"): Bulk(
        ids=Row((200, 404, 200, LOGIN), (200, 404, 200, LOGIN)),
        all=Row((200, 200, 200, LOGIN), (200, 200, 200, LOGIN)),
    ),
    ("wagtaildocs", "document", "add_to_collection"): Bulk(
        ids=Row((200, 404, 200, LOGIN), (200, 404, 200, LOGIN)),
        all=Row((200, 200, 200, LOGIN), (200, 200, 200, LOGIN)),
    ),
    ("wagtailimages", "image", "delete"): same(NOT_SEEN, NOT_SEEN),
    ("wagtailimages", "image", "add_tags"): same(NOT_SEEN, NOT_SEEN),
    ("wagtailimages", "image", "add_to_collection"): same(NOT_SEEN, NOT_SEEN),
}


def bulk_routes() -> list[tuple[str, str, str]]:
    bulk_action_registry._scan_for_bulk_actions()
    return sorted(
        (app, model, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    )


def test_every_bulk_action_has_a_row():
    missing = sorted(set(bulk_routes()) - set(BULK))
    assert missing == [], f"add rows to BULK in {__file__} for: {missing}"


def test_every_bulk_action_is_scoped():
    """A bulk action registered without pilots.access.bulk_actions' scoping would list
    every object asked for."""
    unscoped = [
        route
        for route in bulk_routes()
        if not issubclass(bulk_action_registry.get_bulk_action_class(*route), ScopedBulkAction)
    ]
    assert unscoped == []


@pytest.fixture
def draft_page(db):
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=Page(title=DRAFT_PAGE, slug="lab-handbook-draft", live=False))
    page.save_revision()
    return page


@pytest.fixture
def image(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from io import BytesIO

    from django.core.files.images import ImageFile

    buffer = BytesIO()
    PillowImage.new("RGB", (2, 2)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Hotel floor plan", file=ImageFile(buffer, name="plan.png")
    )


def target(route: tuple[str, str, str], side, draft_page, image):
    app, model, _ = route
    by_model = {
        ("pilots", "pilot"): side.pilot,
        ("pilots", "sharedresource"): side.resource,
        ("designlab", "borough"): side.borough,
        ("designlab", "lab"): side.pilot.lab,
        ("designlab", "officer"): side.officer_record,
        ("auth", "user"): side.officer,
        ("wagtaildocs", "document"): side.document,
        ("wagtailcore", "page"): draft_page,
        ("wagtailimages", "image"): image,
    }
    if (app, model) in by_model:
        return by_model[(app, model)]
    if (app, model) == ("designlab", "breakdown"):
        from tests.conftest import breakdown_make

        return Breakdown.objects.first() or breakdown_make("Matrix list", ["A", "B"])
    return apps.get_model(app, model).objects.order_by("pk").first()


@pytest.mark.parametrize("mode", ["ids", "all"])
@pytest.mark.parametrize("route", bulk_routes(), ids=lambda r: "/".join(r))
def test_bulk_access(client, django_user_model, world, draft_page, image, route, mode):
    row = getattr(BULK[route], mode)
    convenor = django_user_model.objects.get(username="convenor")
    failures = []
    for method, expected_row in (("get", row.get), ("post", row.post)):
        for role, expected in zip(ROLES, expected_row, strict=True):
            side = world["own" if role == "own" else "other"]
            user = {"own": world["own"].officer, "other": world["own"].officer}.get(role)
            user = convenor if role == "convenor" else user
            ids = "all" if mode == "all" else target(route, side, draft_page, image).pk
            url = reverse("wagtail_bulk_action", args=route) + f"?id={ids}"
            with transaction.atomic():
                if user is not None:
                    client.force_login(user)
                before = state(side)
                response = getattr(client, method)(url, {})
                got = outcome(response)
                client.logout()
                where = f"{method.upper()} as {role}"
                if got != expected:
                    failures.append(f"{where}: expected {expected}, got {got}")
                # With id=all, OTHER is OWN's request, which may change OWN's objects.
                refusal = (role, mode) == ("other", "ids") or expected in (DENIED, LOGIN, 404)
                if refusal and state(side) != before:
                    failures.append(f"{where}: changed data")
                if role in ("own", "other") and response.status_code == 200:
                    page = response.content.decode()
                    hidden = [*world["other"].names(), world["other"].pilot.title, DRAFT_PAGE]
                    named = [n for n in hidden if n in page]
                    if named:
                        failures.append(f"{where}: names {named}")
                transaction.set_rollback(True)
    assert failures == [], "\n".join(failures)
