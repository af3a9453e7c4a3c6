"""Access matrix: every admin URL about pilots and their neighbours, for each of

- OWN: Barnet's officer on Barnet's object — may work on it;
- OTHER: Barnet's officer on Brent's object — must get 403/404 and change nothing;
- CONVENOR: the GLA convenor on Brent's object — may do everything;
- ANON: nobody logged in — sent to the login page, nothing changes;

by GET and by POST.

HOW TO ADD A ROW (every new admin view needs one, or test_every_admin_url_has_a_row
fails): add `"<url name>": Row(get=(OWN, OTHER, CONVENOR, ANON), post=(...))` to MATRIX,
with the status code expected for each role (LOGIN = redirect to the login page).
Snippet routes get their arguments from the URL's namespace and parameters; for any
other route give `args=lambda side: [...]`, where `side` (see access_matrix_world.Side)
holds that borough's `borough`, `officer`, `pilot`, `resource`, `revision`,
`workflow_state`, `task_state`, `document`. POST sends {} unless the row gives
`data=lambda client, side: {...}`.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import reverse

from tests.pilots.access.access_matrix_world import (
    DENIED,
    LOGIN,
    ROLES,
    admin_url_patterns,
    edit_url,
    form_data,
    outcome,
    state,
    url_kwargs,
)

RELEVANT = re.compile(
    r"pilot|kpi|reading|resource|return|evaluation|milestone|lab|borough|session|dashboard"
    r"|outcome|export|wagtaildocs"
)
# Admin URLs that do not match RELEVANT but show pilots' data, or guard every account.
ALSO_CHECKED = (
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "cms_two_factor_enrol",
    "cms_two_factor_verify",
    "cms_two_factor_invitation",
)


@dataclass(frozen=True)
class Row:
    get: tuple
    post: tuple
    args: Callable | None = None
    data: Callable | None = None


def convenor_form(client, url) -> dict:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="convenor"))
    data = form_data(client.get(url))
    client.logout()
    return data


def pilot_edited(client, side):
    """The pilot's own edit form, as loaded by a convenor, with a new title."""
    return convenor_form(client, edit_url(side.pilot)) | {"title": "Changed via the matrix"}


def resource_edited(client, side):
    return convenor_form(client, edit_url(side.resource)) | {"title": "Changed via the matrix"}


def pilot_new(client, side):
    """A new pilot filed under the side's borough: "other" is Barnet's officer naming Brent."""
    data = convenor_form(client, reverse("wagtailsnippets_pilots_pilot:add"))
    return data | {
        "title": "A new pilot",
        "activity": "Posted through the matrix",
        "lab": side.pilot.lab_id,
        "borough": side.borough.pk,
        "stage": "designing",
    }


def reads(own=200, other=404, convenor=200) -> Row:
    """A page that only shows an object (POST is not allowed)."""
    post = tuple(405 if code == 200 else code for code in (own, other, convenor))
    return Row(get=(own, other, convenor, LOGIN), post=(*post, LOGIN))


def reference(get=200, post=405, **row) -> Row:
    """Convenor-only reference data: officers of any borough are refused."""
    return Row(get=(DENIED, DENIED, get, LOGIN), post=(DENIED, DENIED, post, LOGIN), **row)


PILOT = "wagtailsnippets_pilots_pilot:"
PILOT_CHOOSER = "wagtailsnippetchoosers_pilots_pilot:"
RESOURCE = "wagtailsnippets_pilots_sharedresource:"
RESOURCE_CHOOSER = "wagtailsnippetchoosers_pilots_sharedresource:"

MATRIX: dict[str, Row] = {
    # Pilots. Listings hold only the user's borough (see test_pilot_listing_scoped);
    # "other" on a listing or add page is the same request as "own".
    PILOT + "list": reads(other=200),
    PILOT + "list_results": reads(other=200),
    PILOT + "add": Row(get=(200, 200, 200, LOGIN), post=(302, 200, 302, LOGIN), data=pilot_new),
    # Own officer's POST: 200 with "locked" — the pilot awaits a convenor's approval.
    PILOT + "edit": Row(get=(200, 404, 200, LOGIN), post=(200, 404, 302, LOGIN), data=pilot_edited),
    # The world's pilots are published: nobody deletes them (a convenor unpublishes).
    PILOT + "delete": Row(get=(DENIED, 404, DENIED, LOGIN), post=(DENIED, 404, DENIED, LOGIN)),
    PILOT + "usage": reads(),
    PILOT + "history": reads(),
    PILOT + "history_results": reads(),
    PILOT + "inspect": reads(),
    PILOT + "preview_on_add": Row(get=(200, 200, 200, LOGIN), post=(200, 200, 200, LOGIN)),
    PILOT + "preview_on_edit": Row(get=(200, 404, 200, LOGIN), post=(200, 404, 200, LOGIN)),
    PILOT + "revisions_view": reads(),
    PILOT + "revisions_revert": Row(
        get=(200, 404, 200, LOGIN), post=(200, 404, 302, LOGIN), data=pilot_edited
    ),
    PILOT + "revisions_compare": reads(),
    PILOT + "revisions_unschedule": Row(
        get=(DENIED, 404, 200, LOGIN), post=(DENIED, 404, 302, LOGIN)
    ),
    PILOT + "unpublish": Row(get=(DENIED, 404, 200, LOGIN), post=(DENIED, 404, 302, LOGIN)),
    PILOT + "lock": Row(get=(DENIED, 404, 405, LOGIN), post=(DENIED, 404, 302, LOGIN)),
    # While a pilot awaits approval only the workflow's rules may unlock it.
    PILOT + "unlock": Row(get=(DENIED, 404, DENIED, LOGIN), post=(DENIED, 404, DENIED, LOGIN)),
    PILOT + "workflow_action": Row(get=(DENIED, 404, 200, LOGIN), post=(DENIED, 404, 302, LOGIN)),
    PILOT + "collect_workflow_action_data": Row(
        get=(DENIED, 404, 200, LOGIN), post=(DENIED, 404, 200, LOGIN)
    ),
    PILOT + "confirm_workflow_cancellation": Row(
        get=(200, 404, 200, LOGIN), post=(200, 404, 200, LOGIN)
    ),
    PILOT + "workflow_history": reads(),
    PILOT + "workflow_history_detail": reads(),
    PILOT + "workflow_preview": Row(get=(DENIED, 404, 200, LOGIN), post=(405, 404, 405, LOGIN)),
    PILOT_CHOOSER + "choose": reads(other=200),
    PILOT_CHOOSER + "choose_results": reads(other=200),
    PILOT_CHOOSER + "chosen": Row(get=(200, 404, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    PILOT_CHOOSER + "chosen_multiple": reads(other=200),
    PILOT_CHOOSER + "create": Row(get=(404, 404, 404, LOGIN), post=(404, 404, 404, LOGIN)),
    "wagtailadmin_editing_sessions:ping": Row(
        get=(405, 405, 405, LOGIN),
        post=(200, 404, 200, LOGIN),
        args=lambda side: ["pilots", "pilot", side.pilot.pk, side.editing_session.pk],
    ),
    "wagtailadmin_editing_sessions:release": Row(
        get=(405, 405, 405, LOGIN),
        post=(200, 200, 200, LOGIN),
        args=lambda side: [side.editing_session.pk],
    ),
    # Shared resources: every borough of the Lab may inspect; only the owner changes.
    RESOURCE + "list": reads(other=200),
    RESOURCE + "list_results": reads(other=200),
    RESOURCE + "add": Row(get=(200, 200, 200, LOGIN), post=(200, 200, 200, LOGIN)),
    RESOURCE + "edit": Row(
        get=(200, 404, 200, LOGIN), post=(302, 404, 302, LOGIN), data=resource_edited
    ),
    RESOURCE + "delete": Row(get=(200, 404, 200, LOGIN), post=(302, 404, 302, LOGIN)),
    RESOURCE + "usage": reads(),
    RESOURCE + "history": reads(),
    RESOURCE + "history_results": reads(),
    RESOURCE + "inspect": reads(other=200),
    RESOURCE_CHOOSER + "choose": reads(other=200),
    RESOURCE_CHOOSER + "choose_results": reads(other=200),
    RESOURCE_CHOOSER + "chosen": reads(other=200),
    RESOURCE_CHOOSER + "chosen_multiple": reads(other=200),
    RESOURCE_CHOOSER + "create": Row(get=(404, 404, 404, LOGIN), post=(404, 404, 404, LOGIN)),
    # Site history lists every borough's entries: convenors only.
    "wagtailadmin_reports:site_history": reference(),
    "wagtailadmin_reports:site_history_results": reference(),
}

for _model in ("lab", "borough", "session", "challenge", "integrationdomain", "officer",
               "outcome"):  # fmt: skip
    _views = f"wagtailsnippets_designlab_{_model}:"
    _chooser = f"wagtailsnippetchoosers_designlab_{_model}:"
    MATRIX |= {
        _views + "list": reference(),
        _views + "list_results": reference(),
        _views + "add": reference(post=200),
        _views + "edit": reference(post=200),
        _views + "delete": reference(post=302),
        _views + "usage": reference(),
        _views + "history": reference(),
        _views + "history_results": reference(),
        _views + "copy": reference(post=200),
        _chooser + "choose": reference(),
        _chooser + "choose_results": reference(),
        _chooser + "chosen": reference(),
        _chooser + "chosen_multiple": reference(),
        _chooser + "create": Row(get=(404, 404, 404, LOGIN), post=(404, 404, 404, LOGIN)),
    }


# The 2023 Lab cannot be deleted: its pilots protect it.
MATRIX["wagtailsnippets_designlab_lab:delete"] = reference(post=DENIED)


# Lab dashboard, outcome snapshots, exports and Table 1 (issue 4).
def ready_export(side):
    """A finished export asked for by `side`'s officer: only they (or a convenor) fetch it."""
    from django.core.files.base import ContentFile

    from designlab.models import Export

    export = Export.objects.create(
        lab=side.pilot.lab, requested_by=side.officer, borough=side.borough, status="ready"
    )
    if not export.file.storage.exists("matrix.xlsx"):  # one file, reused by every run
        export.file.storage.save("matrix.xlsx", ContentFile(b"not really a workbook"))
    export.file.name = "matrix.xlsx"
    export.save()
    return [export.pk]


def lab_of(side):
    return [side.pilot.lab_id]


MATRIX |= {
    "lab_dashboard": reference(),
    "lab_outcomes_snapshot": reference(get=302, post=302, args=lab_of),
    "labs_compared": reference(),
    # Officers export their own borough's rows; "other" is the same request as "own".
    "lab_exports": Row(get=(200, 200, 200, LOGIN), post=(404, 404, 404, LOGIN)),
    "lab_export_csv": Row(
        get=(200, 200, 200, LOGIN),
        post=(405, 405, 405, LOGIN),
        args=lambda side: [side.pilot.lab.slug, "pilots"],
    ),  # fmt: skip
    "lab_export_download": Row(
        get=(200, 404, 200, LOGIN), post=(405, 405, 405, LOGIN), args=ready_export
    ),
    "lab_table_1": Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    "lab_table_1_results": Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)),
}


# Officers' returns, readings, reuse and email choices (issue 3).
def slug_of(side):
    return [side.borough.slug]


def upload_of(side):
    from django.core.files.base import ContentFile

    from pilots.models import ReturnUpload

    upload = ReturnUpload(borough=side.borough, original_name="r.xlsx", sha256="0" * 64)
    upload.file.save("matrix-return.xlsx", ContentFile(b"not really a workbook"), save=False)
    upload.save()
    return [upload.pk]


def kpi_of(side):
    from pilots.models import KPI

    kpi = side.pilot.kpis.first() or KPI.objects.create(
        pilot=side.pilot, name="Matrix KPI", unit=KPI.Unit.COUNT, frequency=KPI.Frequency.MONTHLY
    )
    return [kpi.pk]


def follow_up_of(side):
    from pilots.models import FollowUp
    from tests.pilots.followups.helpers import answered

    found = FollowUp.objects.filter(pilot=side.pilot, months_after=12).first()
    return [(found or answered(side.pilot, 12, FollowUp.Status.APPROVED)).pk]


def reading_of(side):
    from pilots.models import KPIReading

    kpi = kpi_of(side)[0]
    reading = KPIReading.objects.filter(kpi_id=kpi).first() or KPIReading.objects.create(
        kpi_id=kpi, period_start=side.pilot.planned_start or dt.date(2023, 7, 1), value=1,
        status=KPIReading.Status.APPROVED,
    )  # fmt: skip
    return [reading.pk]


def back_to_resources(client, side):
    return {"next": reverse(RESOURCE + "list")}


def resource_of(side):
    return [side.resource.pk]


def pilot_of(side):
    return [side.pilot.pk]


MATRIX |= {
    # An officer is sent on to their own borough; a convenor chooses one.
    "pilots_returns": Row(get=(302, 302, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    "pilots_returns_borough": Row(
        get=(200, 404, 200, LOGIN), post=(200, 404, 200, LOGIN), args=slug_of
    ),  # fmt: skip
    "pilots_return_template": Row(
        get=(200, 404, 200, LOGIN), post=(405, 405, 405, LOGIN), args=slug_of
    ),  # fmt: skip
    "pilots_return_status": Row(
        get=(200, 404, 200, LOGIN), post=(405, 405, 405, LOGIN), args=upload_of
    ),  # fmt: skip
    "pilots_readings": Row(get=(200, 404, 200, LOGIN), post=(200, 404, 200, LOGIN), args=kpi_of),
    "pilots_outliers": reference(),
    "pilots_pilot_readings": Row(
        get=(200, 404, 200, LOGIN), post=(405, 405, 405, LOGIN), args=pilot_of
    ),  # fmt: skip
    # Only another borough reuses a resource: its owner and convenors are refused.
    "pilots_resource_reuse": Row(
        get=(DENIED, 200, DENIED, LOGIN), post=(DENIED, 302, DENIED, LOGIN), args=resource_of
    ),  # fmt: skip
    # Only the borough that recorded a reuse withdraws it (nothing to withdraw: no change).
    "pilots_resource_reuse_withdraw": Row(
        get=(405, 405, 405, LOGIN), post=(DENIED, 302, DENIED, LOGIN), args=resource_of
    ),  # fmt: skip
    # A GET asks the convenor first; only a POST approves.
    "pilots_resource_approve": Row(
        get=(DENIED, DENIED, 200, LOGIN),
        post=(DENIED, DENIED, 302, LOGIN),
        args=resource_of,
        data=back_to_resources,
    ),  # fmt: skip
    # Convenors withdraw a resource instead of deleting it.
    "pilots_resource_withdraw": Row(
        get=(DENIED, DENIED, 200, LOGIN), post=(DENIED, DENIED, 302, LOGIN), args=resource_of
    ),  # fmt: skip
    # Only borough officers receive the emails.
    "pilots_email_preferences": Row(get=(200, 200, 404, LOGIN), post=(302, 302, 404, LOGIN)),
    # Officers never review readings, not even their own borough's (issue 11).
    "pilots_readings_review": Row(
        get=(DENIED, DENIED, 200, LOGIN), post=(DENIED, DENIED, 405, LOGIN)
    ),
    "pilots_readings_review_results": Row(
        get=(DENIED, DENIED, 200, LOGIN), post=(DENIED, DENIED, 405, LOGIN)
    ),
    # Posting nothing selected changes nothing and says so.
    "pilots_readings_review_act": Row(
        get=(405, 405, 405, LOGIN), post=(DENIED, DENIED, 302, LOGIN)
    ),
    # Without a reason nothing is reopened.
    "pilots_reading_reopen": Row(
        get=(405, 405, 405, LOGIN), post=(DENIED, DENIED, 302, LOGIN), args=reading_of
    ),
}


# Follow-up check-ins (issue 12 item 5): an officer answers their own borough's; only
# convenors review. Posting nothing is refused with the form's errors (200), changing nothing.
MATRIX |= {
    "pilots_follow_up": Row(
        get=(200, 404, 200, LOGIN),
        post=(200, 404, 200, LOGIN),
        args=lambda side: [side.pilot.pk, 12],
    ),
    "pilots_follow_ups_review": Row(
        get=(DENIED, DENIED, 200, LOGIN), post=(DENIED, DENIED, 405, LOGIN)
    ),
    "pilots_follow_ups_review_results": Row(
        get=(DENIED, DENIED, 200, LOGIN), post=(DENIED, DENIED, 405, LOGIN)
    ),
    "pilots_follow_ups_review_act": Row(
        get=(405, 405, 405, LOGIN), post=(DENIED, DENIED, 302, LOGIN)
    ),
    # Without a reason nothing is reopened.
    "pilots_follow_up_reopen": Row(
        get=(405, 405, 405, LOGIN), post=(DENIED, DENIED, 302, LOGIN), args=follow_up_of
    ),
}


# Two-factor enrolment (issue 15): it takes an invitation of one's own. No session of the
# world has opened one, so enrolment is refused to every role (and verification, with no
# authenticator, sends them there); an invitation link works only for its own account.
# These pages come before an account is fully signed in, so they refuse with a page that
# says how to get an invitation (403), not the admin's redirect home, which would lead
# straight back here.
def invitation_of(side):
    from cms.two_factor_invitations import invitation_issue

    _, link = invitation_issue(user=side.officer)
    return [link.rstrip("/").rsplit("/", 1)[1]]


MATRIX |= {
    "cms_two_factor_enrol": Row(get=(403, 403, 403, LOGIN), post=(403, 403, 403, LOGIN)),
    "cms_two_factor_verify": Row(get=(302, 302, 302, LOGIN), post=(302, 302, 302, LOGIN)),
    "cms_two_factor_invitation": Row(
        get=(302, 403, 403, LOGIN), post=(405, 405, 405, LOGIN), args=invitation_of
    ),
}


def request_as(client, world, role, url_name, route, row, method):
    side = world["own" if role == "own" else "other"]
    if role in ("own", "other"):
        user = world["own"].officer
    elif role == "convenor":
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username="convenor")
    else:
        user = None
    args = row.args(side) if row.args else None
    kwargs = None if row.args else url_kwargs(route, url_name, side)
    url = reverse(url_name, args=args, kwargs=kwargs)
    data = row.data(client, side) if (row.data and method == "post") else {}
    if user is not None:
        client.force_login(user)
    before = state(side)
    response = getattr(client, method)(url, data)
    return response, before, state(side)


def relevant_admin_urls():
    return [
        (name, route)
        for name, route in admin_url_patterns()
        if RELEVANT.search(name) or name in ALSO_CHECKED
    ]


def test_every_admin_url_has_a_row():
    missing = sorted({name for name, _ in relevant_admin_urls()} - set(MATRIX))
    assert missing == [], f"add rows to MATRIX in {__file__} for: {missing}"


@pytest.mark.parametrize("url_name,route", relevant_admin_urls(), ids=lambda v: v)
def test_access(client, world, url_name, route):
    row = MATRIX.get(url_name)
    if row is None:
        pytest.skip("no row yet: test_every_admin_url_has_a_row fails for it")
    failures = []
    for method, expected_row in (("get", row.get), ("post", row.post)):
        for role, expected in zip(ROLES, expected_row, strict=True):
            with transaction.atomic():
                response, before, after = request_as(
                    client, world, role, url_name, route, row, method
                )
                client.logout()
                got = outcome(response)
                if got != expected:
                    failures.append(f"{method.upper()} as {role}: expected {expected}, got {got}")
                elif expected in (DENIED, LOGIN, 404, 405) and before != after:
                    failures.append(f"{method.upper()} as {role}: refused but changed data")
                transaction.set_rollback(True)
    assert failures == [], "\n".join(failures)


# Documents (issue 15): each borough's in its own collection; an officer edits what they
# uploaded, and chooses from their borough's collection and the Lab's.
def document_of(side):
    return [side.document.pk]


MATRIX |= {
    "wagtaildocs:index": Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    "wagtaildocs:index_results": Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    "wagtaildocs:add": Row(get=(200, 200, 200, LOGIN), post=(200, 200, 200, LOGIN)),
    "wagtaildocs:edit": Row(
        get=(200, DENIED, 200, LOGIN), post=(200, DENIED, 200, LOGIN), args=document_of
    ),
    "wagtaildocs:delete": Row(
        get=(200, DENIED, 200, LOGIN), post=(302, DENIED, 302, LOGIN), args=document_of
    ),
    "wagtaildocs:document_usage": Row(
        get=(200, DENIED, 200, LOGIN), post=(405, DENIED, 405, LOGIN), args=document_of
    ),
    "wagtaildocs:add_multiple": Row(get=(200, 200, 200, LOGIN), post=(400, 400, 400, LOGIN)),
    "wagtaildocs:edit_multiple": Row(
        get=(405, 405, 405, LOGIN), post=(200, DENIED, 200, LOGIN), args=document_of
    ),
    "wagtaildocs:delete_multiple": Row(
        get=(405, 405, 405, LOGIN), post=(200, DENIED, 200, LOGIN), args=document_of
    ),
    # No upload waits to be made into a document: 404 for everyone.
    "wagtaildocs:create_multiple_from_uploaded_document": Row(
        get=(405, 405, 405, LOGIN), post=(404, 404, 404, LOGIN), args=lambda side: [0]
    ),
    "wagtaildocs:delete_upload_multiple": Row(
        get=(405, 405, 405, LOGIN), post=(404, 404, 404, LOGIN), args=lambda side: [0]
    ),
    "wagtaildocs_chooser:choose": Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)),
    "wagtaildocs_chooser:choose_results": Row(
        get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)
    ),
    "wagtaildocs_chooser:chosen": Row(
        get=(200, DENIED, 200, LOGIN), post=(405, 405, 405, LOGIN), args=document_of
    ),
    "wagtaildocs_chooser:chosen_multiple": Row(
        get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN)
    ),
    "wagtaildocs_chooser:create": Row(get=(200, 200, 200, LOGIN), post=(200, 200, 200, LOGIN)),
}


# Category lists (issue 12): convenors keep them; officers of any borough list, inspect and
# choose them (the view permission), and are refused every change.
def breakdown_of(side):
    from designlab.models import Breakdown
    from tests.conftest import breakdown_make

    breakdown = Breakdown.objects.first() or breakdown_make("Matrix list", ["A", "B"])
    return [breakdown.pk]


def viewed(**row) -> Row:
    return Row(get=(200, 200, 200, LOGIN), post=(405, 405, 405, LOGIN), **row)


_views, _chooser = (
    "wagtailsnippets_designlab_breakdown:",
    "wagtailsnippetchoosers_designlab_breakdown:",
)
MATRIX |= {
    _views + "list": viewed(),
    _views + "list_results": viewed(),
    _views + "inspect": viewed(args=breakdown_of),
    _views + "add": reference(post=200),
    _views + "edit": reference(post=200, args=breakdown_of),
    _views + "delete": reference(post=302, args=breakdown_of),
    _views + "copy": reference(post=200, args=breakdown_of),
    _views + "usage": reference(args=breakdown_of),
    _views + "history": reference(args=breakdown_of),
    _views + "history_results": reference(args=breakdown_of),
    _chooser + "choose": viewed(),
    _chooser + "choose_results": viewed(),
    _chooser + "chosen": viewed(args=breakdown_of),
    _chooser + "chosen_multiple": viewed(),
    _chooser + "create": Row(get=(404, 404, 404, LOGIN), post=(404, 404, 404, LOGIN)),
}


# Shared indicators (issue 12): programme-level, not a borough's. Convenors define them;
# officers of any borough read them and choose them for a KPI (their history and usage,
# naming who edited and which KPIs adopt them, are for convenors). The roll-up page names
# every borough's figures: convenors only.
_INDICATOR = "wagtailsnippets_designlab_sharedindicator:"
_INDICATOR_CHOOSER = "wagtailsnippetchoosers_designlab_sharedindicator:"
MATRIX |= {
    _INDICATOR + "list": reads(other=200),
    _INDICATOR + "list_results": reads(other=200),
    _INDICATOR + "add": reference(post=200),
    _INDICATOR + "edit": reference(post=200),
    _INDICATOR + "delete": reference(post=302),
    _INDICATOR + "usage": reference(),
    _INDICATOR + "history": reference(),
    _INDICATOR + "history_results": reference(),
    _INDICATOR + "inspect": reads(other=200),
    _INDICATOR_CHOOSER + "choose": reads(other=200),
    _INDICATOR_CHOOSER + "choose_results": reads(other=200),
    _INDICATOR_CHOOSER + "chosen": reads(other=200),
    _INDICATOR_CHOOSER + "chosen_multiple": reads(other=200),
    _INDICATOR_CHOOSER + "create": Row(get=(404, 404, 404, LOGIN), post=(404, 404, 404, LOGIN)),
    "lab_indicators": reference(),
}
