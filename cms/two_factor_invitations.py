"""Invitations to enrol an authenticator app: the password alone never enrols one.

An invitation is issued when an account is created in the admin and by
`manage.py two_factor_reset`: a one-time link, emailed to the account's address (and shown
to whoever ran the command, to hand over if the email goes astray), that works for
TWO_FACTOR_INVITATION_HOURS. Opening it in a session signed in as that account lets that
session, and only that one, see the enrolment QR code; enrolling uses it up. Issuing a new
invitation cancels the account's earlier ones.
"""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from cms.models import TwoFactorInvitation

SESSION_KEY = "cms.two_factor_invitation"


def _hashed(token: str) -> str:
    # The token is 256 random bits: a fast hash is enough to make a stolen table useless.
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_issue(*, user: AbstractBaseUser) -> tuple[TwoFactorInvitation, str]:
    """A new invitation for `user`, cancelling their earlier ones; returns it and its link."""
    TwoFactorInvitation.objects.filter(user=user).delete()
    token = secrets.token_urlsafe(32)
    invitation = TwoFactorInvitation.objects.create(
        user=user,
        token_hash=_hashed(token),
        expires_at=timezone.now() + dt.timedelta(hours=settings.TWO_FACTOR_INVITATION_HOURS),
    )
    path = reverse("cms_two_factor_invitation", args=[token])
    return invitation, settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invitation_email(*, invitation: TwoFactorInvitation, link: str) -> bool:
    """Email `link` to the invitation's user; False when they have no address. Raises
    OSError when the mail server cannot be reached or refuses."""
    user = invitation.user
    if not user.email:
        return False
    context = {"user": user, "link": link, "expires": invitation.expires_at,
               "site_name": settings.WAGTAIL_SITE_NAME}  # fmt: skip
    body = render_to_string("cms/two_factor/invitation_email.txt", context)
    subject = f"Set up two-factor sign-in for the {settings.WAGTAIL_SITE_NAME}"
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


def invitation_of_session(request: HttpRequest) -> TwoFactorInvitation | None:
    """The usable invitation this session opened for its own user, if any."""
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return TwoFactorInvitation.objects.usable().filter(pk=pk, user=request.user).first()


def invitation_use(request: HttpRequest, invitation: TwoFactorInvitation) -> bool:
    """Use `invitation` up; False when it was used or expired in the meantime."""
    request.session.pop(SESSION_KEY, None)
    usable = TwoFactorInvitation.objects.usable().filter(pk=invitation.pk)
    return usable.update(used_at=timezone.now()) == 1


def invitation_refused(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "cms/two_factor/invitation_needed.html", status=403)


@require_safe
def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation link. Wagtail sends an anonymous visitor to sign in first and back."""
    invitation = (
        TwoFactorInvitation.objects.usable()
        .filter(token_hash=_hashed(token), user=request.user)
        .first()
    )
    if invitation is None:
        return invitation_refused(request)
    request.session[SESSION_KEY] = invitation.pk
    # Onward at once, so that the token does not stay in the address bar or the history.
    return redirect("cms_two_factor_enrol")
