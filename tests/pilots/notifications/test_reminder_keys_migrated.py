"""Reminders sent before keys named the frequency are carried over: an officer is not
reminded again of what an old email covered, and still reminded of what it did not."""

import datetime as dt
import importlib

from django.apps import apps
from django.core import mail
from django.utils import timezone

from pilots.models import KPI, NotificationSent
from pilots.notifications.reminders import reminders_send

migration = importlib.import_module("pilots.migrations.0003_reminder_keys_name_the_frequency")


def test_an_old_key_covers_the_frequencies_overdue_when_it_was_sent():
    # Sent 20 August 2023: monthly July was overdue (ended 31 July), quarterly Q3 was not.
    assert migration.upgraded_keys("2023-07-01", dt.date(2023, 8, 20)) == ["monthly 2023-07-01"]
    assert migration.upgraded_keys("2023-07-01", dt.date(2023, 10, 20)) == [
        "monthly 2023-07-01",
        "quarterly 2023-07-01",
    ]
    assert migration.upgraded_keys("2023-02-01", dt.date(2023, 8, 20)) == ["monthly 2023-02-01"]
    assert migration.upgraded_keys("monthly 2023-07-01", dt.date(2023, 8, 20)) == [
        "monthly 2023-07-01"
    ]


def test_after_the_migration_nobody_is_reminded_twice_or_never(barnet_officer, barnet_pilot):
    monthly = KPI.objects.create(
        pilot=barnet_pilot, name="Monthly", frequency=KPI.Frequency.MONTHLY, sort_order=8
    )
    quarterly = KPI.objects.create(
        pilot=barnet_pilot, name="Quarterly", frequency=KPI.Frequency.QUARTERLY, sort_order=9
    )
    sent = timezone.make_aware(dt.datetime(2023, 8, 20, 7))
    for month in range(7, 12):  # reminded of July to November under the old keys
        record = NotificationSent.objects.create(
            user=barnet_officer, kind="reminder", period=f"2023-{month:02d}-01"
        )
        NotificationSent.objects.filter(pk=record.pk).update(sent_at=sent.replace(month=12))
    migration.keys_upgrade(apps, None)

    reminders_send(dt.date(2024, 3, 1))

    [email] = [m for m in mail.outbox if m.to == ["officer-barnet@example.org"]]
    assert f"{monthly.name}, period starting 1 December 2023" in email.body
    assert f"{monthly.name}, period starting 1 July 2023" not in email.body  # sent before
    # Q3 (July–September) was overdue in December: covered. Q4 had not ended: reminded now.
    assert f"{quarterly.name}, period starting 1 July 2023" not in email.body
    assert f"{quarterly.name}, period starting 1 October 2023" in email.body
    assert not NotificationSent.objects.exclude(period__contains=" ").exists()
