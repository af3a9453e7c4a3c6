"""Two-factor sign-in (TOTP, django-otp) for every account that can open the admin.

Wagtail's own login checks the password; then, outside demo mode, the admin is closed to
that session until it proves a one-time code from an authenticator app. Someone with no
authenticator yet is sent to enrol one, which takes an invitation as well as the password
(cms/two_factor_invitations.py): whoever learns a password cannot enrol their own phone.
Codes are single-use: django-otp remembers the last time-step accepted for each device.
"""

from base64 import b32encode
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.two_factor_invitations import (
    invitation_of_session,
    invitation_open,
    invitation_refused,
    invitation_use,
)

DEVICE_NAME = "Authenticator app"
# What a session that has given only its password may still reach.
OPEN_VIEWS = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "cms_two_factor_enrol",
    "cms_two_factor_verify",
    "cms_two_factor_invitation",
)
TOO_SOON = "Too many wrong codes. Wait a few seconds, then try again."


def two_factor_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether `user` must prove a one-time code before using the admin."""
    return (
        not settings.DEMO_MODE
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and not user.is_verified()
    )


class TwoFactorMiddleware:
    """Send an admin account that has only given its password to verification (or to
    enrolment when it has no authenticator yet). Runs after django-otp's OTPMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if two_factor_required(request.user) and not self.exempt(request.path_info):
            view = "verify" if user_has_device(request.user) else "enrol"
            target = reverse(f"cms_two_factor_{view}")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def exempt(path_info: str) -> bool:
        if path_info.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(path_info).view_name in OPEN_VIEWS
        except Resolver404:
            return False


class CodeForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].replace(" ", "")


def throttled(devices: Iterable[Device]) -> bool:
    """django-otp doubles the wait after each wrong code: tell the user to wait rather than
    calling a right code wrong."""
    return not any(device.verify_is_allowed()[0] for device in devices)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the current code from the user's enrolled authenticator."""
    if not user_has_device(request.user):
        return redirect("cms_two_factor_enrol")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if throttled(devices_for_user(request.user)):
            form.add_error("token", TOO_SOON)
        elif device := match_token(request.user, form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next_url(request))
        else:
            form.add_error(
                "token",
                "That code is not right, or has already been used. Enter the newest code your "
                "authenticator app shows.",
            )
    return TemplateResponse(
        request, "cms/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


def enrol(request: HttpRequest) -> HttpResponse:
    """Show a new authenticator key as a QR code, to a session that opened an invitation;
    confirm it with a first code."""
    if user_has_device(request.user):
        return redirect("cms_two_factor_verify")
    invitation = invitation_of_session(request)
    if invitation is None:
        return invitation_refused(request)
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if throttled([device]):
            form.add_error("token", TOO_SOON)
        elif device.verify_token(form.cleaned_data["token"]):
            if not invitation_use(request, invitation):
                return invitation_refused(request)
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is set up for your account.")
            return redirect(_next_url(request))
        else:
            form.add_error(
                "token", "That code is not right. Check the clock on your phone and try again."
            )
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": qr.svg_inline(scale=5, dark="#000", light="#fff", title="Authenticator key"),
        "secret": b32encode(device.bin_key).decode(),
    }
    return TemplateResponse(request, "cms/two_factor/enrol.html", context)


urlpatterns = [
    path("two-factor/verify/", verify, name="cms_two_factor_verify"),
    path("two-factor/enrol/", enrol, name="cms_two_factor_enrol"),
    path("two-factor/invitation/<str:token>/", invitation_open, name="cms_two_factor_invitation"),
]
