"""Emails: reminders of overdue returns and the weekly round-up for Lab participants.

Each email is recorded in `NotificationSent` (unique per user, kind and period) in the
same transaction that sends it, so a retried task never sends it twice; a failed send
rolls the record back so the retry sends it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from designlab.models import Officer, Session
from pilots.due import overdue_readings
from pilots.models import NotificationSent, SharedResource

logger = logging.getLogger(__name__)

CASE_STUDY_MODEL = "casestudypage"  # the toolkit's case study pages, read generically
UPCOMING = dt.timedelta(days=21)


def admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send_logged(user, kind: str, periods: list[str], subject: str, body: str) -> bool:
    """`_record_and_send`, but a failure for one recipient does not stop the others; the
    next run (reminders daily, the round-up hourly on Mondays) tries again."""
    try:
        return _record_and_send(user, kind, periods, subject, body)
    except Exception:
        logger.exception("%s email to user %s not sent", kind, user.pk)
        return False


def _record_and_send(user, kind: str, periods: list[str], subject: str, body: str) -> bool:
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


def reminder_period(missing) -> str:
    """The key of a due period: monthly July 2023 and quarterly Q3 2023 both start on
    1 July 2023 but fall due months apart, and each deserves its reminder."""
    return f"{missing.kpi.frequency} {missing.period_start.isoformat()}"


def reminders_send(today: dt.date | None = None) -> int:
    """One reminder per officer listing the overdue periods they have not been reminded
    of yet. Returns the number of emails sent."""
    today = today or timezone.localdate()
    sent = 0
    officers = Officer.objects.filter(receives_reminders=True, user__is_active=True).select_related(
        "user", "borough"
    )
    for officer in officers.exclude(user__email=""):
        overdue = overdue_readings(officer.borough, today)
        if not overdue:
            continue
        already = set(
            NotificationSent.objects.filter(
                user=officer.user,
                kind=NotificationSent.Kind.REMINDER,
                period__in={reminder_period(m) for m in overdue},
            ).values_list("period", flat=True)
        )
        due = [m for m in overdue if reminder_period(m) not in already]
        if not due:
            continue
        body = render_to_string(
            "pilots/email/reminder.txt",
            {
                "officer": officer,
                "missing": due,
                "returns_url": admin_url("pilots_returns"),
                "preferences_url": admin_url("pilots_email_preferences"),
            },
        )
        readings = "reading" if len(due) == 1 else "readings"
        subject = f"Design Lab: {len(due)} KPI {readings} overdue for {officer.borough.name}"
        periods = sorted({reminder_period(m) for m in due})
        if _send_logged(officer.user, NotificationSent.Kind.REMINDER, periods, subject, body):
            sent += 1
    return sent


def roundup_contents(since: dt.datetime, until: dt.datetime, today: dt.date) -> dict:
    """What was new from `since` up to `until` (excluded), and the sessions coming up."""
    case_studies = (
        Page.objects.live()
        .public()
        .filter(
            content_type__model=CASE_STUDY_MODEL,
            first_published_at__gte=since,
            first_published_at__lt=until,
        )
        .order_by("-first_published_at")
    )
    return {
        "resources": list(
            SharedResource.objects.filter(created_at__gte=since, created_at__lt=until)
            .select_related("borough")
            .order_by("created_at")
        ),
        "sessions": list(
            Session.objects.filter(held_on__gte=today, held_on__lte=today + UPCOMING).order_by(
                "held_on"
            )
        ),
        "case_studies": [(page.title, page.full_url) for page in case_studies],
    }


def roundup_send(today: dt.date | None = None) -> int:
    """The weekly round-up to every Lab participant who wants it; nothing is sent in a
    week with nothing new. Returns the number of emails sent."""
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    # The seven days before today: consecutive weeks neither overlap nor leave a gap,
    # and a retry later in the day sends what the first run sent.
    until = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    contents = roundup_contents(until - dt.timedelta(days=7), until, today)
    if not any(contents.values()):
        return 0
    sent = 0
    officers = (
        Officer.objects.filter(
            receives_roundup=True, user__is_active=True, borough__participations__isnull=False
        )
        .select_related("user")
        .distinct()
    )
    for officer in officers.exclude(user__email=""):
        body = render_to_string(
            "pilots/email/roundup.txt",
            {**contents, "officer": officer,
             "preferences_url": admin_url("pilots_email_preferences")},
        )  # fmt: skip
        if _send_logged(
            officer.user, NotificationSent.Kind.ROUNDUP, [f"{year}-W{week:02d}"],
            f"Design Lab round-up, week {week} of {year}", body,
        ):  # fmt: skip
            sent += 1
    return sent
