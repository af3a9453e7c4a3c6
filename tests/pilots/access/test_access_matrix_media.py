"""Access matrix of the paths that serve files: documents through Wagtail's serve view, and
the raw media paths behind them.

- OWN: Barnet's officer asking for Barnet's file;
- OTHER: Barnet's officer asking for Brent's;
- CONVENOR: the GLA convenor asking for Brent's;
- ANON: nobody signed in, asking for Brent's.

A borough's document is its own (and the convenors') until a shared resource uses it;
then the resource's readers get it, and everyone once a convenor approves the resource for
the public. The app never serves MEDIA_ROOT as it is (uploads are reached only through
their views).

HOW TO ADD A ROW: add `"<what>": Media(url=lambda side: ..., get=(OWN, OTHER, CONVENOR,
ANON))`; `url` may create what it serves.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from pilots.models import ReturnUpload, SharedResource
from tests.pilots.access.access_matrix_world import ROLES, outcome
from toolkit.seed import MATERIALS_COLLECTION

LOGIN = "login"  # sent to sign in (the admin's or Wagtail's page for private documents)


@dataclass(frozen=True)
class Media:
    url: Callable
    get: tuple


def shared(side, **fields) -> str:
    SharedResource.objects.create(
        lab=side.pilot.lab, borough=side.borough, title="Contact sheet", kind="contacts",
        document=side.document, **fields,
    )  # fmt: skip
    return side.document.url


def return_file(side) -> str:
    upload = ReturnUpload(borough=side.borough, original_name="r.xlsx", sha256="0" * 64)
    upload.file.save("matrix-return.xlsx", ContentFile(b"not really a workbook"), save=False)
    upload.save()
    return settings.MEDIA_URL + upload.file.name


def workshop_material(side) -> str:
    material = get_document_model().objects.create(
        title="Workshop 6 slides", collection=Collection.objects.get(name=MATERIALS_COLLECTION),
        file=ContentFile(b"Slides", name="slides.txt"),
    )  # fmt: skip
    return material.url


MEDIA: dict[str, Media] = {
    "a borough's document": Media(lambda side: side.document.url, (200, 403, 200, LOGIN)),
    "a borough's document shared with its Lab": Media(shared, (200, 200, 200, LOGIN)),
    "a borough's document shared with the public": Media(
        lambda side: shared(side, visibility="public", approved_at=timezone.now()),
        (200, 200, 200, 200),
    ),
    "a borough's document, withdrawn": Media(
        lambda side: shared(side, withdrawn_at=timezone.now()), (200, 403, 200, LOGIN)
    ),
    "a workshop material": Media(workshop_material, (200, 200, 200, LOGIN)),
    # The raw files: never served by the app, whoever asks.
    "a document's file under MEDIA_URL": Media(
        lambda side: settings.MEDIA_URL + side.document.file.name, (404, 404, 404, 404)
    ),
    "a return's file under MEDIA_URL": Media(return_file, (404, 404, 404, 404)),
}


@pytest.mark.parametrize("what", MEDIA)
def test_media_access(client, django_user_model, world, what):
    row = MEDIA[what]
    failures = []
    for role, expected in zip(ROLES, row.get, strict=True):
        side = world["own" if role == "own" else "other"]
        with transaction.atomic():
            url = row.url(side)
            if role in ("own", "other"):
                client.force_login(world["own"].officer)
            elif role == "convenor":
                client.force_login(django_user_model.objects.get(username="convenor"))
            response = client.get(url)
            got = outcome(response)
            if response.status_code == 302 and "login/?next=" in response["Location"]:
                got = LOGIN
            if got != expected:
                where = response.get("Location", "")
                failures.append(f"GET {url} as {role}: expected {expected}, got {got} {where}")
            client.logout()
            transaction.set_rollback(True)
    assert failures == [], "\n".join(failures)
