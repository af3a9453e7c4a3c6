"""Sending an email at most once: each email is recorded in `NotificationSent` (unique per
user, kind and period) in the same transaction that sends it, so a retried task never sends
it twice; a failed send rolls the record back so the retry sends it."""

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from pilots.models import NotificationSent

logger = logging.getLogger(__name__)


def admin_url(name: str, *args: object) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def email_send_once(
    user: AbstractBaseUser, kind: str, periods: list[str], subject: str, body: str
) -> bool:
    """`_record_and_send`, but a failure for one recipient does not stop the others; the
    next run (reminders daily, the round-up hourly on Mondays) tries again."""
    try:
        return _record_and_send(user, kind, periods, subject, body)
    except Exception:
        logger.exception("%s email to user %s not sent", kind, user.pk)
        return False


def _record_and_send(
    user: AbstractBaseUser, kind: str, periods: list[str], subject: str, body: str
) -> bool:
    """Record `periods` as sent to `user` and send one email; False when all were sent
    already. Raises when the mail cannot be sent, which undoes the record."""
    with transaction.atomic():
        fresh = []
        for period in periods:
            try:
                with transaction.atomic():
                    NotificationSent.objects.create(user=user, kind=kind, period=period)
                fresh.append(period)
            except IntegrityError:
                pass  # sent by an earlier run
        if not fresh:
            return False
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True
