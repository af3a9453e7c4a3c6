"""The periodic tasks, kept in django-celery-beat's tables on every migrate."""

import json

from cms.jobs import REQUEUE_EVERY

REQUEUE_SECONDS = int(REQUEUE_EVERY.total_seconds())

SCHEDULE = {
    # name: (task, crontab fields, or {"every": seconds} for an interval)
    "Overdue return reminders": ("pilots.tasks.reminders_send", {"minute": "0", "hour": "7"}),
    # Hourly through Monday: a run sends only to those not sent this week's round-up, so
    # the later runs are the retries for addresses the mail server refused at 8:00.
    "Weekly round-up": (
        "pilots.tasks.roundup_send",
        {"minute": "0", "hour": "8-17", "day_of_week": "1"},
    ),
    # Often enough that work resumes within two minutes of a worker or the broker coming
    # back (cms.jobs); each run is a query or two when nothing waits.
    "Send again waiting returns": ("pilots.tasks.returns_requeue", {"every": REQUEUE_SECONDS}),
    "Send again waiting exports": ("pilots.tasks.exports_requeue", {"every": REQUEUE_SECONDS}),
    "Nightly outcome snapshots": (
        "pilots.tasks.outcomes_snapshot_all",
        {"minute": "30", "hour": "2"},
    ),
    "Nightly removal of old exports": ("pilots.tasks.exports_prune", {"minute": "45", "hour": "2"}),
    "Follow-up check-in reminders": (
        "pilots.tasks.follow_ups_remind",
        {"minute": "15", "hour": "7"},
    ),
}


def schedule_ensure(**kwargs) -> None:
    """Create or refresh the periodic tasks. Safe to run any number of times."""
    from django.conf import settings
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

    for name, (task, fields) in SCHEDULE.items():
        when = {"crontab": None, "interval": None}
        if "every" in fields:
            when["interval"], _ = IntervalSchedule.objects.get_or_create(
                every=fields["every"], period=IntervalSchedule.SECONDS
            )
        else:
            when["crontab"], _ = CrontabSchedule.objects.get_or_create(
                **fields, timezone=settings.TIME_ZONE
            )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, **when, "args": json.dumps([])}
        )
