"""Every form that changes something works with Django's CSRF check enforced, as in a
browser: the page renders the token, a post carrying it succeeds, and the same post
without it is refused (403). Issue 13: the convenor's "Approve for the public" on the admin
home answered 403 "CSRF token missing" because the home panel rendered no token.

`test_every_state_changing_view_is_covered` lists every view the tracker adds to the admin
(and the two-factor views): a new view fails it until it is posted here or named as
read-only."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import WorkflowState

from designlab.models import Export, Officer, Outcome, OutcomeSnapshot
from pilots.models import KPIReading, Pilot, ResourceReuse, ReturnUpload, SharedResource
from pilots.wagtail_hooks import pilots_admin_urls
from tests.cms.test_two_factor_sign_in import code
from tests.pilots.admin.page_forms import browser, post_as_browser
from tests.pilots.returns.returns_helpers import filled

JUL = dt.date(2023, 7, 1)
HOME = "/admin/"
PILOT = "wagtailsnippets_pilots_pilot"
RESOURCE = "wagtailsnippets_pilots_sharedresource"


@pytest.fixture
def public_resource(barnet_pilot):
    """Offered to the public by Barnet, awaiting a convenor's approval."""
    return SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Volunteer induction pack",
        kind=SharedResource.Kind.TRAINING, visibility=SharedResource.Visibility.PUBLIC,
        url="https://barnet.example/induction",
    )  # fmt: skip


def approved(resource) -> bool:
    resource.refresh_from_db()
    return resource.is_public


# --- The tracker's own admin views (register_admin_urls) ---------------------------------


def test_approve_for_the_public_from_the_admin_home(convenor, public_resource):
    client = browser(convenor)
    action = reverse("pilots_resource_approve", args=[public_resource.pk])
    response = post_as_browser(client, HOME, f'form[action="{action}"]')
    assert response.status_code == 302 and response["Location"] == HOME
    assert approved(public_resource)


def test_approve_for_the_public_from_its_own_page(convenor, public_resource):
    client = browser(convenor)
    response = post_as_browser(
        client, reverse("pilots_resource_approve", args=[public_resource.pk])
    )
    assert response["Location"] == reverse(f"{RESOURCE}:inspect", args=[public_resource.pk])
    assert approved(public_resource)


def test_withdraw_a_resource_from_its_own_page(convenor, public_resource):
    client = browser(convenor)
    post_as_browser(client, reverse("pilots_resource_withdraw", args=[public_resource.pk]))
    public_resource.refresh_from_db()
    assert public_resource.withdrawn_at is not None


def test_enter_a_reading(barnet_officer, barnet_monthly_kpi):
    client = browser(barnet_officer)
    url = reverse("pilots_readings", args=[barnet_monthly_kpi.pk])
    response = post_as_browser(client, url, data={"period_start": "2023-07-01", "value": "40"})
    assert response.status_code == 302
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi).value == 40


def test_review_readings(convenor, barnet_monthly_kpi):
    reading = KPIReading.objects.create(
        kpi=barnet_monthly_kpi, period_start=JUL, value=40, status=KPIReading.Status.SUBMITTED
    )
    action = reverse("pilots_readings_review_act")
    response = post_as_browser(
        browser(convenor), reverse("pilots_readings_review"), f'form[action="{action}"]',
        data={"reading": [str(reading.pk)], "action": "approve"},
    )  # fmt: skip
    assert response.status_code == 302
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.APPROVED


def test_reopen_a_reading(convenor, barnet_monthly_kpi):
    reading = KPIReading.objects.create(
        kpi=barnet_monthly_kpi, period_start=JUL, value=40, status=KPIReading.Status.APPROVED
    )
    action = reverse("pilots_reading_reopen", args=[reading.pk])
    response = post_as_browser(
        browser(convenor), reverse("pilots_readings", args=[barnet_monthly_kpi.pk]),
        f'form[action="{action}"]', data={"reason": "Restated"},
    )  # fmt: skip
    assert response.status_code == 302
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.RETURNED


def test_upload_a_kpi_return(
    barnet_officer, barnet_pilot, barnet_monthly_kpi, tasks_in_process,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client = browser(barnet_officer)
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 33})
    with django_capture_on_commit_callbacks(execute=True):
        response = post_as_browser(
            client, reverse("pilots_returns_borough", args=["barnet"]),
            files={"file": ("return.xlsx", content)},
        )  # fmt: skip
    upload = ReturnUpload.objects.get(borough=barnet_pilot.borough)
    assert response["Location"] == reverse("pilots_return_status", args=[upload.pk])
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=JUL).value == 33


def test_record_a_reuse_then_withdraw_it(brent_officer, public_resource):
    client = browser(brent_officer)
    url = reverse("pilots_resource_reuse", args=[public_resource.pk])
    post_as_browser(client, url, data={"note": "Adapted for our hotels"})
    assert ResourceReuse.objects.filter(resource=public_resource, borough__slug="brent").exists()
    withdraw = reverse("pilots_resource_reuse_withdraw", args=[public_resource.pk])
    post_as_browser(client, url, f'form[action="{withdraw}"]')
    assert not ResourceReuse.objects.filter(resource=public_resource).exists()


def test_save_email_choices(barnet_officer):
    Officer.objects.filter(user=barnet_officer).update(
        receives_reminders=False, receives_roundup=False
    )
    client = browser(barnet_officer)
    response = post_as_browser(
        client, reverse("pilots_email_preferences"), data={"receives_roundup": "on"}
    )
    assert response.status_code == 302
    officer = Officer.objects.get(user=barnet_officer)
    assert officer.receives_roundup and not officer.receives_reminders


def test_request_a_lab_export(barnet_officer, lab, settings, tmp_path, tasks_in_process):
    settings.EXPORTS_ROOT = tmp_path
    client = browser(barnet_officer)
    response = post_as_browser(client, reverse("lab_exports"))
    assert response.status_code == 302
    assert Export.objects.get(requested_by=barnet_officer).lab == lab


def test_take_an_outcomes_snapshot(convenor, lab):
    client = browser(convenor)
    before = OutcomeSnapshot.objects.filter(lab=lab).count()
    action = reverse("lab_outcomes_snapshot", args=[lab.pk])
    post_as_browser(client, reverse("lab_dashboard"), f'form[action="{action}"]')
    assert OutcomeSnapshot.objects.filter(lab=lab).count() == before + 1


# --- Wagtail's snippet views, as officers and convenors use them ------------------------


def test_officer_adds_a_pilot(barnet_officer):
    client = browser(barnet_officer)
    response = post_as_browser(
        client, reverse(f"{PILOT}:add"), "form[data-edit-form]",
        data={"title": "Digital inclusion cafés", "activity": "Weekly drop-in sessions"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Pilot.objects.filter(title="Digital inclusion cafés", borough__slug="barnet").exists()


def test_officer_sends_a_pilot_to_the_gla_and_the_convenor_approves(
    barnet_officer, convenor, barnet_pilot
):
    edit = reverse(f"{PILOT}:edit", args=[barnet_pilot.pk])
    officer = browser(barnet_officer)
    post_as_browser(
        officer, edit, "form[data-edit-form]",
        data={"title": "Volunteering service, second year", "action-submit": "Send"},
    )  # fmt: skip
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.workflow_in_progress

    # The home panel's Approve button: Wagtail's script posts to the button's URL with the
    # token the page gives it.
    client = browser(convenor)
    task_state = barnet_pilot.current_workflow_task_state
    approve = reverse(f"{PILOT}:workflow_action", args=[barnet_pilot.pk, "approve", task_state.pk])
    home = BeautifulSoup(client.get(HOME).content, "html.parser")
    assert home.select_one(f'[data-workflow-action-url="{approve}"]') is not None
    token = json.loads(home.select_one("#wagtail-config").string)["CSRF_TOKEN"]
    assert client.post(approve, {}).status_code == 403
    response = client.post(approve, {}, headers={"X-CSRFToken": token})
    assert response.status_code == 302
    assert Pilot.objects.get(pk=barnet_pilot.pk).title == "Volunteering service, second year"
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == "approved"


def test_convenor_unpublishes_a_pilot_and_deletes_a_draft(convenor, barnet_officer, lab):
    borough = barnet_officer.officer.borough
    published = Pilot.objects.create(lab=lab, borough=borough, title="Ran", activity="x")
    published.save_revision().publish()
    draft = Pilot.objects.create(
        lab=lab, borough=borough, title="Never ran", activity="x", live=False
    )
    client = browser(convenor)
    post_as_browser(client, reverse(f"{PILOT}:unpublish", args=[published.pk]))
    assert not Pilot.objects.get(pk=published.pk).live  # unpublished, kept with its history
    post_as_browser(client, reverse(f"{PILOT}:delete", args=[draft.pk]))
    assert not Pilot.objects.filter(pk=draft.pk).exists()


def test_officer_adds_edits_and_deletes_a_resource(barnet_officer):
    client = browser(barnet_officer)
    post_as_browser(
        client, reverse(f"{RESOURCE}:add"), "form[data-edit-form]",
        data={"title": "Befriending guide", "kind": "training", "url": "https://barnet.example/"},
    )  # fmt: skip
    resource = SharedResource.objects.get(title="Befriending guide")
    post_as_browser(
        client, reverse(f"{RESOURCE}:edit", args=[resource.pk]), "form[data-edit-form]",
        data={"title": "Befriending guide, 2nd edition"},
    )  # fmt: skip
    assert SharedResource.objects.get(pk=resource.pk).title == "Befriending guide, 2nd edition"
    post_as_browser(client, reverse(f"{RESOURCE}:delete", args=[resource.pk]))
    assert not SharedResource.objects.filter(pk=resource.pk).exists()


def test_convenor_edits_a_lab_outcome(convenor, lab):
    outcome = Outcome.objects.filter(lab=lab).order_by("number").first()
    url = reverse("wagtailsnippets_designlab_outcome:edit", args=[outcome.pk])
    post_as_browser(
        browser(convenor), url, "form[data-edit-form]", data={"statement": "Restated outcome"}
    )
    assert Outcome.objects.get(pk=outcome.pk).statement == "Restated outcome"


# --- Signing in ---------------------------------------------------------------------------


def test_sign_in_then_enrol_and_verify_a_second_factor(barnet_officer, settings):
    from django.contrib.auth.models import Group

    from cms.demo_accounts import DEMO_GROUP
    from cms.two_factor_invitations import invitation_issue

    settings.DEMO_MODE = False
    # A real account (demo accounts cannot sign in outside demo mode), with its invitation.
    barnet_officer.groups.remove(*Group.objects.filter(name=DEMO_GROUP))
    _, link = invitation_issue(user=barnet_officer)
    client = browser()
    response = post_as_browser(
        client, reverse("wagtailadmin_login"), "form",
        data={"username": "officer-barnet", "password": "designlab-demo"},
    )  # fmt: skip
    assert response.status_code == 302
    enrol = reverse("cms_two_factor_enrol")
    assert client.get(link.removeprefix(settings.WAGTAILADMIN_BASE_URL)).url == enrol
    client.get(enrol)
    device = TOTPDevice.objects.get(user=barnet_officer)
    response = post_as_browser(client, enrol, "form", data={"token": code(device)})
    assert response.status_code == 302 and client.get(HOME).status_code == 200

    other = browser()
    post_as_browser(
        other, reverse("wagtailadmin_login"), "form",
        data={"username": "officer-barnet", "password": "designlab-demo"},
    )  # fmt: skip
    verify = reverse("cms_two_factor_verify")
    response = post_as_browser(other, verify, "form", data={"token": code(device, 1)})
    assert response.status_code == 302 and other.get(HOME).status_code == 200


# --- Nothing left out ---------------------------------------------------------------------

POSTED_ABOVE = {
    "pilots_resource_approve", "pilots_resource_withdraw", "pilots_readings",
    "pilots_returns_borough", "pilots_resource_reuse", "pilots_resource_reuse_withdraw",
    "pilots_email_preferences",
    "lab_exports", "lab_outcomes_snapshot", "cms_two_factor_enrol", "cms_two_factor_verify",
    "pilots_readings_review_act", "pilots_reading_reopen",
}  # fmt: skip
# Posted as a browser does in tests/pilots/followups/ (test_officer_answers_a_check_in.py,
# test_check_in_review.py).
POSTED_ABOVE |= {"pilots_follow_up", "pilots_follow_ups_review_act", "pilots_follow_up_reopen"}
# Pages and downloads that change nothing (they answer POST with 405 or ignore it), and the
# two-factor invitation link, a GET from an email that only notes the invitation in the
# session (used above).
READ_ONLY = {
    "pilots_returns", "pilots_return_template", "pilots_return_status",
    "pilots_pilot_readings", "lab_dashboard", "lab_export_download", "lab_export_csv",
    "lab_table_1", "lab_table_1_results", "cms_two_factor_invitation", "pilots_outliers",
    "pilots_readings_review", "pilots_readings_review_results", "lab_indicators",
    "labs_compared",
}  # fmt: skip
READ_ONLY |= {"pilots_follow_ups_review", "pilots_follow_ups_review_results"}


def test_every_state_changing_view_is_covered():
    from cms.twofactor import urlpatterns as two_factor

    names = {pattern.name for pattern in [*pilots_admin_urls(), *two_factor]}
    assert names - POSTED_ABOVE - READ_ONLY == set(), "post the new view's form above"
    assert (POSTED_ABOVE | READ_ONLY) - names == set()
