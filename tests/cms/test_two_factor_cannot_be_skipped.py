"""After the password step alone, no admin URL works: reading, saving, downloading and
enrolling a second authenticator are all sent to the code step, and change nothing."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from designlab.models import Export
from pilots.models import Pilot


@pytest.fixture
def password_only(client, barnet_officer, settings):
    """Barnet's officer has an authenticator and has given only the password."""
    settings.DEMO_MODE = False
    TOTPDevice.objects.create(user=barnet_officer, name="Phone", confirmed=True)
    response = client.post(
        "/admin/login/", {"username": "officer-barnet", "password": "designlab-demo"}
    )
    assert response.status_code == 302 and "_auth_user_id" in client.session
    return client


def sent_to_verify(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("cms_two_factor_verify")
    )


def test_every_admin_page_asks_for_the_code(password_only, barnet_officer, barnet_pilot, lab):
    export = Export.objects.create(lab=lab, requested_by=barnet_officer)
    urls = [
        "/admin/",
        reverse("wagtailsnippets_pilots_pilot:list"),
        reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_account"),
        reverse("lab_exports"),
        reverse("lab_export_download", args=[export.pk]),
        reverse("pilots_returns"),
        reverse("wagtailadmin_reports:site_history"),
        "/admin/two-factor/enrol/",
    ]
    for url in urls:
        response = password_only.get(url)
        assert sent_to_verify(response), url


def test_a_save_posted_straight_to_the_admin_changes_nothing(password_only, barnet_pilot):
    edit = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    response = password_only.post(edit, {"title": "Changed without a code"})
    assert sent_to_verify(response)
    add = reverse("wagtailsnippets_pilots_pilot:add")
    assert sent_to_verify(password_only.post(add, {"title": "Added without a code"}))
    assert not Pilot.objects.filter(title__endswith="without a code").exists()
    assert Pilot.objects.get(pk=barnet_pilot.pk).latest_revision_id == (
        barnet_pilot.latest_revision_id
    )


def test_a_second_authenticator_cannot_be_enrolled_with_the_password(password_only, barnet_officer):
    response = password_only.post("/admin/two-factor/enrol/", {"token": "123456"})
    assert sent_to_verify(response)
    assert TOTPDevice.objects.filter(user=barnet_officer).count() == 1


def test_the_session_is_let_in_only_after_a_right_code(password_only, barnet_officer):
    wrong = password_only.post("/admin/two-factor/verify/", {"token": "000000"})
    assert wrong.status_code == 200
    assert sent_to_verify(password_only.get("/admin/"))
