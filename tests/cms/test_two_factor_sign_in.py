"""Outside demo mode an admin account needs a one-time code from an authenticator app as
well as its password; each code works once. In demo mode demo accounts use the password."""

import time

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.cms.two_factor_helpers import browser, code, invitation_link, sign_in, submit


def enrolled(client, user, username="officer-barnet") -> TOTPDevice:
    """Sign in with the password, open an invitation and enrol; returns the device."""
    link = invitation_link(username)
    sign_in(client, username)
    client.get(link)
    assert client.get("/admin/two-factor/enrol/").status_code == 200
    device = TOTPDevice.objects.get(user=user)
    response = submit(client, "/admin/two-factor/enrol/", {"token": code(device)})
    assert response.status_code == 302
    return device


def test_demo_mode_signs_in_with_the_password_alone(barnet_officer):
    assert sign_in(browser(), "officer-barnet").status_code == 200


def test_an_invited_account_is_shown_its_key_and_nothing_else(production, real_barnet_officer):
    client = browser()
    link = invitation_link("officer-barnet")
    response = sign_in(client, "officer-barnet")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/enrol/")
    assert client.get(link)["Location"] == "/admin/two-factor/enrol/"
    # No admin page is reachable until enrolment is finished.
    assert client.get("/admin/snippets/").status_code == 302
    page = client.get("/admin/two-factor/enrol/")
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn here rather than by an image service
    device = TOTPDevice.objects.get(user=real_barnet_officer, confirmed=False)
    assert device.config_url.encode().split(b"secret=")[1][:16] in page.content


def test_enrol_then_sign_in_with_a_code_that_works_only_once(production, real_barnet_officer):
    client = browser()
    device = enrolled(client, real_barnet_officer)
    first = code(device)  # used by the enrolment
    assert client.get("/admin/").status_code == 200

    # A second sign-in (another browser) must prove a code again; the used one is refused.
    other = browser()
    response = sign_in(other, "officer-barnet")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    replay = submit(other, "/admin/two-factor/verify/", {"token": first})
    assert replay.status_code == 200
    assert b"already been used" in replay.content
    assert other.get("/admin/").status_code == 302

    fresh = code(device, steps_ahead=1)  # the app's next code (within the allowed drift)
    too_soon = submit(other, "/admin/two-factor/verify/", {"token": fresh})
    assert b"Too many wrong codes" in too_soon.content  # each wrong code doubles the wait
    time.sleep(1.1)
    response = submit(other, "/admin/two-factor/verify/", {"token": fresh, "next": "/admin/"})
    assert response.status_code == 302
    assert other.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_finish_enrolment(production, real_barnet_officer):
    client = browser()
    link = invitation_link("officer-barnet")
    sign_in(client, "officer-barnet")
    client.get(link)
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=real_barnet_officer)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = submit(client, "/admin/two-factor/enrol/", {"token": wrong})
    assert b"That code is not right" in response.content
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 302


def test_verification_refuses_to_redirect_off_site(production, real_barnet_officer):
    client = browser()
    link = invitation_link("officer-barnet")
    sign_in(client, "officer-barnet")
    client.get(link)
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=real_barnet_officer)
    response = submit(
        client, "/admin/two-factor/enrol/", {"token": code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"
