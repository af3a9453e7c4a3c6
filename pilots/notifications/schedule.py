"""The periodic tasks, kept in django-celery-beat's tables on every migrate."""

import json

SCHEDULE = {
    # name: (task, crontab fields)
    "Overdue return reminders": ("pilots.tasks.reminders_send", {"minute": "0", "hour": "7"}),
    # Hourly through Monday: a run sends only to those not sent this week's round-up, so
    # the later runs are the retries for addresses the mail server refused at 8:00.
    "Weekly round-up": (
        "pilots.tasks.roundup_send",
        {"minute": "0", "hour": "8-17", "day_of_week": "1"},
    ),
    "Send again waiting returns": ("pilots.tasks.returns_requeue", {"minute": "*/5"}),
    "Send again waiting exports": ("pilots.tasks.exports_requeue", {"minute": "*/5"}),
    "Nightly outcome snapshots": (
        "pilots.tasks.outcomes_snapshot_all",
        {"minute": "30", "hour": "2"},
    ),
    "Nightly removal of old exports": ("pilots.tasks.exports_prune", {"minute": "45", "hour": "2"}),
}


def schedule_ensure(**kwargs) -> None:
    """Create or refresh the periodic tasks. Safe to run any number of times."""
    from django.conf import settings
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    for name, (task, fields) in SCHEDULE.items():
        crontab, _ = CrontabSchedule.objects.get_or_create(**fields, timezone=settings.TIME_ZONE)
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "args": json.dumps([])}
        )
