"""Reminders of overdue KPI returns: one email per officer listing the overdue periods they
have not been reminded of yet."""

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone

from designlab.models import Officer
from pilots.models import NotificationSent
from pilots.notifications.sending import admin_url, email_send_once
from pilots.readings.due import MissingReading, overdue_readings


def reminder_period(missing: MissingReading) -> str:
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
            "pilots/notifications/reminder.txt",
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
        if email_send_once(officer.user, NotificationSent.Kind.REMINDER, periods, subject, body):
            sent += 1
    return sent
