"""Sessions end after a period of inactivity, after an absolute lifetime however active,
and as soon as their user is deactivated."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

SIGNED_IN_AT = "cms.signed_in_at"
SEEN_AT = "cms.seen_at"
SEEN_RESOLUTION = 60  # seconds: don't write the session on every request


@receiver(user_logged_in)
def session_start(
    sender: type[AbstractBaseUser],
    request: HttpRequest | None,
    user: AbstractBaseUser,
    **kwargs: Any,
) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = request.session[SEEN_AT] = time.time()


@receiver(post_save, sender=get_user_model())
def sessions_end_on_deactivation(
    sender: type[AbstractBaseUser], instance: AbstractBaseUser, **kwargs: Any
) -> None:
    """Delete a deactivated user's sessions, so reactivating them later does not revive
    sessions that were open when they were deactivated."""
    if instance.is_active:
        return
    user_id = str(instance.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()


class SessionLifetimeMiddleware:
    """Sign a session out after SESSION_IDLE_TIMEOUT seconds without a request, and in any
    case SESSION_ABSOLUTE_LIFETIME seconds after sign-in, however busy it has been."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            seen_at = session.get(SEEN_AT, now)
            if now - signed_in_at > settings.SESSION_ABSOLUTE_LIFETIME:
                logout(request)
                messages.info(request, "Your session reached its time limit. Please sign in again.")
            elif now - seen_at > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, "You were signed out after a period of inactivity.")
            elif now - seen_at > SEEN_RESOLUTION or SEEN_AT not in session:
                session[SEEN_AT] = now
        return self.get_response(request)
