"""Outside demo mode an admin account needs a one-time code from an authenticator app as
well as its password; each code works once. In demo mode demo accounts use the password."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "designlab-demo"


@pytest.fixture
def production_sign_in(settings):
    settings.DEMO_MODE = False


def sign_in(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, "the password was accepted"
    return client.get("/admin/")


def code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def test_demo_mode_signs_in_with_the_password_alone(client, barnet_officer):
    assert sign_in(client, "officer-barnet").status_code == 200


def test_admin_without_an_authenticator_is_sent_to_enrol(
    client, barnet_officer, production_sign_in
):
    response = sign_in(client, "officer-barnet")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/enrol/")
    # No admin page is reachable until enrolment is finished.
    assert client.get("/admin/snippets/").status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn here rather than by an image service
    device = TOTPDevice.objects.get(user=barnet_officer, confirmed=False)
    assert device.config_url.encode().split(b"secret=")[1][:16] in page.content


def test_enrol_then_sign_in_with_a_code_that_works_only_once(
    client, django_user_model, barnet_officer, production_sign_in
):
    sign_in(client, "officer-barnet")
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=barnet_officer)

    first = code(device)
    response = client.post("/admin/two-factor/enrol/", {"token": first, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # A second sign-in (another browser) must prove a code again; the used one is refused.
    other = client.__class__()
    response = sign_in(other, "officer-barnet")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    replay = other.post("/admin/two-factor/verify/", {"token": first, "next": "/admin/"})
    assert replay.status_code == 200
    assert b"already been used" in replay.content
    assert other.get("/admin/").status_code == 302

    fresh = code(device, steps_ahead=1)  # the app's next code (within the allowed drift)
    too_soon = other.post("/admin/two-factor/verify/", {"token": fresh, "next": "/admin/"})
    assert b"Too many wrong codes" in too_soon.content  # each wrong code doubles the wait
    time.sleep(1.1)
    response = other.post("/admin/two-factor/verify/", {"token": fresh, "next": "/admin/"})
    assert response.status_code == 302
    assert other.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_finish_enrolment(client, barnet_officer, production_sign_in):
    sign_in(client, "officer-barnet")
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=barnet_officer)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/two-factor/enrol/", {"token": wrong, "next": "/admin/"})
    assert b"That code is not right" in response.content
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 302


def test_verification_refuses_to_redirect_off_site(client, barnet_officer, production_sign_in):
    sign_in(client, "officer-barnet")
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=barnet_officer)
    response = client.post(
        "/admin/two-factor/enrol/", {"token": code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_an_operator_can_reset_a_lost_authenticator(client, barnet_officer, production_sign_in):
    from django.core.management import call_command

    TOTPDevice.objects.create(user=barnet_officer, name="Lost phone", confirmed=True)
    call_command("two_factor_reset", "officer-barnet")
    assert not TOTPDevice.objects.filter(user=barnet_officer).exists()
    assert sign_in(client, "officer-barnet")["Location"].startswith("/admin/two-factor/enrol/")
