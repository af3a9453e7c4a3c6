"""Reminder records once keyed a due period by its start alone ("2023-07-01"); keys now name
the frequency too ("monthly 2023-07-01"), since a monthly and a quarterly period can start on
the same day and fall due months apart. Each old record becomes the new keys its email
covered: every frequency whose period starting that day was overdue when it was sent. A
frequency not yet overdue then gets no key, so its reminder is still sent."""

import datetime as dt

from django.db import migrations

MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}
GRACE = dt.timedelta(days=14)  # pilots.readings.due.RETURN_GRACE when this was written


def _period_end(start: dt.date, months: int) -> dt.date:
    after = start.year * 12 + start.month - 1 + months
    return dt.date(after // 12, after % 12 + 1, 1) - dt.timedelta(days=1)


def upgraded_keys(old: str, sent_on: dt.date) -> list[str]:
    try:
        start = dt.date.fromisoformat(old)
    except ValueError:
        return [old]  # already a new key
    return [
        f"{frequency} {old}"
        for frequency, months in MONTHS.items()
        if start.month % months == 1 % months and _period_end(start, months) + GRACE < sent_on
    ]


def keys_upgrade(apps, schema_editor):
    NotificationSent = apps.get_model("pilots", "NotificationSent")
    old = NotificationSent.objects.filter(kind="reminder").exclude(period__contains=" ")
    for record in old:
        for key in upgraded_keys(record.period, record.sent_at.date()):
            NotificationSent.objects.get_or_create(
                user_id=record.user_id, kind="reminder", period=key,
                defaults={"sent_at": record.sent_at},
            )  # fmt: skip
        record.delete()


class Migration(migrations.Migration):
    dependencies = [("pilots", "0002_reading_revisions_returns_notifications")]

    operations = [migrations.RunPython(keys_upgrade, migrations.RunPython.noop)]
