"""After the password step alone, no admin URL works: reading, saving, downloading and
enrolling a second authenticator are all sent to the code step, and change nothing. An
account with no authenticator is sent to enrolment, which without an invitation shows no
key and enrols nothing."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from designlab.models import Export
from pilots.models import Pilot
from tests.cms.two_factor_helpers import browser, sign_in


@pytest.fixture
def password_only(production, real_barnet_officer):
    """Barnet's officer has an authenticator and has given only the password."""
    TOTPDevice.objects.create(user=real_barnet_officer, name="Phone", confirmed=True)
    client = browser()
    sign_in(client, "officer-barnet")
    assert "_auth_user_id" in client.session
    return client


@pytest.fixture
def not_enrolled(production, real_barnet_officer):
    """Barnet's officer has no authenticator and no invitation, and has given the password."""
    client = browser()
    sign_in(client, "officer-barnet")
    return client


def post(client, url: str, data: dict):
    """A POST that passes the CSRF check, as the signed-in browser's own forms would."""
    return client.post(url, data | {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def sent_to_verify(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("cms_two_factor_verify")
    )


def admin_urls(officer, pilot, lab) -> list[str]:
    export = Export.objects.create(lab=lab, requested_by=officer)
    return [
        "/admin/",
        reverse("wagtailsnippets_pilots_pilot:list"),
        reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_account"),
        reverse("lab_exports"),
        reverse("lab_export_download", args=[export.pk]),
        reverse("pilots_returns"),
        reverse("wagtailadmin_reports:site_history"),
        "/admin/two-factor/enrol/",
    ]


def test_every_admin_page_asks_for_the_code(password_only, barnet_officer, barnet_pilot, lab):
    for url in admin_urls(barnet_officer, barnet_pilot, lab):
        response = password_only.get(url)
        assert sent_to_verify(response), url


def test_without_an_authenticator_every_admin_page_leads_to_no_key(
    not_enrolled, barnet_officer, barnet_pilot, lab
):
    enrol = reverse("cms_two_factor_enrol")
    for url in admin_urls(barnet_officer, barnet_pilot, lab):
        response = not_enrolled.get(url, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else url
        assert landed.startswith(enrol), url
        assert response.status_code == 403 and b"<svg" not in response.content, url
    assert not TOTPDevice.objects.filter(user=barnet_officer).exists()


def test_a_save_posted_straight_to_the_admin_changes_nothing(password_only, barnet_pilot):
    edit = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    response = post(password_only, edit, {"title": "Changed without a code"})
    assert sent_to_verify(response)
    add = reverse("wagtailsnippets_pilots_pilot:add")
    assert sent_to_verify(post(password_only, add, {"title": "Added without a code"}))
    assert not Pilot.objects.filter(title__endswith="without a code").exists()
    assert Pilot.objects.get(pk=barnet_pilot.pk).latest_revision_id == (
        barnet_pilot.latest_revision_id
    )


def test_a_second_authenticator_cannot_be_enrolled_with_the_password(password_only, barnet_officer):
    response = post(password_only, "/admin/two-factor/enrol/", {"token": "123456"})
    assert sent_to_verify(response)
    assert TOTPDevice.objects.filter(user=barnet_officer).count() == 1


def test_the_session_is_let_in_only_after_a_right_code(password_only, barnet_officer):
    wrong = post(password_only, "/admin/two-factor/verify/", {"token": "000000"})
    assert wrong.status_code == 200
    assert sent_to_verify(password_only.get("/admin/"))
