"""Reminders of follow-up check-ins: each officer is emailed once about each check-in
their borough owes (`pilots.followups.due`), however often the task runs, through the
same once-only sending as the overdue-return reminders (`pilots.notifications.sending`)."""

import datetime as dt
from collections import defaultdict

from django.template.loader import render_to_string
from django.utils import timezone

from designlab.models import Officer
from pilots.followups.due import DueFollowUp, follow_ups_due
from pilots.models import NotificationSent
from pilots.notifications.sending import admin_url, email_send_once

KIND = NotificationSent.Kind.FOLLOW_UP


def follow_up_key(due: DueFollowUp) -> str:
    """What is recorded as sent (NotificationSent.period): the pilot and the months."""
    return f"pilot {due.pilot.pk} m{due.months_after}"


def follow_ups_remind(today: dt.date | None = None) -> int:
    """One email per officer listing the check-ins due that they were not reminded of
    yet. Returns the number of emails sent."""
    today = today or timezone.localdate()
    by_borough = defaultdict(list)
    for due in follow_ups_due(today):
        by_borough[due.pilot.borough_id].append(due)
    officers = (
        Officer.objects.filter(
            receives_reminders=True, user__is_active=True, borough_id__in=list(by_borough)
        )
        .exclude(user__email="")
        .select_related("user", "borough")
    )
    already = set(
        NotificationSent.objects.filter(kind=KIND, user__officer__in=officers).values_list(
            "user_id", "period"
        )
    )
    sent = 0
    for officer in officers:
        fresh = [
            due for due in by_borough[officer.borough_id]
            if (officer.user_id, follow_up_key(due)) not in already
        ]  # fmt: skip
        if not fresh:
            continue
        body = render_to_string(
            "pilots/notifications/follow_up_reminder.txt",
            {"officer": officer, "due": [(d, admin_url("pilots_follow_up", d.pilot.pk,
                                                       d.months_after)) for d in fresh],
             "preferences_url": admin_url("pilots_email_preferences")},
        )  # fmt: skip
        noun = "check-in" if len(fresh) == 1 else "check-ins"
        subject = f"Design Lab: {len(fresh)} follow-up {noun} due for {officer.borough.name}"
        if email_send_once(officer.user, KIND, [follow_up_key(d) for d in fresh], subject, body):
            sent += 1
    return sent
