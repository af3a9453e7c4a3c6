"""Enrolling an authenticator takes a one-time, expiring invitation as well as the password
(issue 15, item 8: whoever knew the password used to enrol their own phone). Only the session
that opened the invitation link sees the key; `two_factor_reset` and creating an account in
the admin issue invitations."""

import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.models import TwoFactorInvitation
from tests.cms.two_factor_helpers import browser, code, invitation_link, sign_in, submit

ENROL = "/admin/two-factor/enrol/"
NEW_ACCOUNT = {
    "username": "new-officer", "email": "new.officer@hackney.gov.uk", "first_name": "New",
    "last_name": "Officer", "password1": "a-long-new-password-1",
    "password2": "a-long-new-password-1",
}  # fmt: skip


def refused(response) -> bool:
    return response.status_code == 403 and b"invitation" in response.content


def test_the_password_alone_cannot_enrol(production, real_barnet_officer):
    client = browser()
    assert sign_in(client, "officer-barnet")["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert refused(page) and b"<svg" not in page.content
    assert refused(submit(client, ENROL, {"token": "123456"}))
    assert not TOTPDevice.objects.filter(user=real_barnet_officer).exists()
    assert client.get("/admin/").status_code == 302


def test_only_the_session_that_opened_the_link_sees_the_key(production, real_barnet_officer):
    link = invitation_link("officer-barnet")
    invited, other = browser(), browser()
    for client in (invited, other):
        sign_in(client, "officer-barnet")
    assert invited.get(link)["Location"] == ENROL
    assert b"<svg" in invited.get(ENROL).content
    assert refused(other.get(ENROL))  # the password, in another browser

    device = TOTPDevice.objects.get(user=real_barnet_officer)
    assert submit(invited, ENROL, {"token": code(device)}).status_code == 302
    assert invited.get("/admin/").status_code == 200
    assert TwoFactorInvitation.objects.get(user=real_barnet_officer).used_at is not None


def test_a_used_invitation_is_refused(production, real_barnet_officer):
    link = invitation_link("officer-barnet")
    first = browser()
    sign_in(first, "officer-barnet")
    first.get(link)
    first.get(ENROL)
    submit(first, ENROL, {"token": code(TOTPDevice.objects.get(user=real_barnet_officer))})
    TOTPDevice.objects.filter(user=real_barnet_officer).delete()  # as if never enrolled

    again = browser()
    sign_in(again, "officer-barnet")
    assert refused(again.get(link))
    assert refused(again.get(ENROL))
    assert not TOTPDevice.objects.filter(user=real_barnet_officer).exists()


def test_an_expired_invitation_is_refused_even_after_it_was_opened(
    production, real_barnet_officer, settings
):
    link = invitation_link("officer-barnet")
    invitation = TwoFactorInvitation.objects.get(user=real_barnet_officer)
    hours = settings.TWO_FACTOR_INVITATION_HOURS
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - dt.timedelta(hours=hours)) < dt.timedelta(seconds=1)
    client = browser()
    sign_in(client, "officer-barnet")
    client.get(link)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=real_barnet_officer)

    invitation.expires_at = timezone.now() - dt.timedelta(seconds=1)
    invitation.save()
    assert refused(submit(client, ENROL, {"token": code(device)}))
    assert not TOTPDevice.objects.filter(user=real_barnet_officer, confirmed=True).exists()
    late = browser()
    sign_in(late, "officer-barnet")
    assert refused(late.get(link))


def test_someone_elses_invitation_is_refused(production, real_barnet_officer, brent_officer):
    brents_link = invitation_link("officer-brent")
    client = browser()
    sign_in(client, "officer-barnet")
    assert refused(client.get(brents_link))
    assert refused(client.get(ENROL))


def test_an_anonymous_visitor_signs_in_first_and_comes_back(production, real_barnet_officer):
    link = invitation_link("officer-barnet")
    client = browser()
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    response = submit(client, response["Location"], {"username": "officer-barnet",
                                                     "password": "designlab-demo"})  # fmt: skip
    assert response["Location"] == link
    assert client.get(link)["Location"] == ENROL
    assert b"<svg" in client.get(ENROL).content


def test_reset_removes_the_devices_and_issues_a_new_invitation(production, real_barnet_officer):
    TOTPDevice.objects.create(user=real_barnet_officer, name="Lost phone", confirmed=True)
    old_link = invitation_link("officer-barnet")
    mail.outbox.clear()

    new_link = invitation_link("officer-barnet")
    assert not TOTPDevice.objects.filter(user=real_barnet_officer).exists()
    [email] = mail.outbox
    assert email.to == [real_barnet_officer.email] and new_link in email.body

    client = browser()
    assert sign_in(client, "officer-barnet")["Location"].startswith(ENROL)
    assert refused(client.get(old_link))
    assert client.get(new_link)["Location"] == ENROL
    assert b"<svg" in client.get(ENROL).content


def test_only_a_hash_of_the_token_is_stored(real_barnet_officer):
    token = invitation_link("officer-barnet").rstrip("/").rsplit("/", 1)[1]
    stored = TwoFactorInvitation.objects.get(user=real_barnet_officer)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(TwoFactorInvitation.objects.values().get())


def test_an_account_created_in_the_admin_is_emailed_an_invitation(db):
    admin = get_user_model().objects.create_superuser("lab-admin", "lab-admin@example.gov.uk")
    client = browser()
    client.force_login(admin)
    mail.outbox.clear()
    response = submit(client, reverse("wagtailusers_users:add"), NEW_ACCOUNT)
    assert response.status_code == 302, response.context["form"].errors
    user = get_user_model().objects.get(username="new-officer")
    [email] = mail.outbox
    assert email.to == ["new.officer@hackney.gov.uk"]
    link = next(line for line in email.body.splitlines() if "/two-factor/invitation/" in line)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert TwoFactorInvitation.objects.usable().get(user=user).token_hash == (
        hashlib.sha256(token.encode()).hexdigest()
    )


def test_when_the_invitation_cannot_be_emailed_the_admin_is_told(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    admin = get_user_model().objects.create_superuser("lab-admin", "lab-admin@example.gov.uk")
    client = browser()
    client.force_login(admin)
    response = submit(client, reverse("wagtailusers_users:add"), NEW_ACCOUNT)
    assert response.status_code == 302, response.context["form"].errors
    page = client.get(response["Location"]).content.decode()
    assert "two_factor_reset new-officer" in page
