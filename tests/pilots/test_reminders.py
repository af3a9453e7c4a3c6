"""Officers with overdue returns get one reminder per due period, however often the task
runs; officers who opted out get none."""

import datetime as dt

from django.core import mail
from django.urls import reverse

from designlab.models import Officer
from pilots.models import KPIReading
from pilots.notifications import reminders_send

TODAY = dt.date(2024, 3, 1)


def barnet_mails():
    return [m for m in mail.outbox if m.to == ["officer-barnet@example.org"]]


def test_reminder_task_run_twice_sends_one_email(barnet_monthly_kpi):
    reminders_send(TODAY)
    [reminder] = barnet_mails()
    assert reminder.subject == "Design Lab: 6 KPI readings overdue for Barnet"
    assert "Placements lasting three months, period starting 1 July 2023" in reminder.body
    assert "/admin/email-preferences/" in reminder.body
    sent = len(mail.outbox)
    assert reminders_send(TODAY) == 0
    assert len(mail.outbox) == sent


def test_no_reminder_once_readings_are_in_and_new_period_reminded_once(barnet_monthly_kpi):
    KPIReading.objects.bulk_create(
        KPIReading(kpi=barnet_monthly_kpi, period_start=dt.date(2023, m, 1), value=1)
        for m in range(7, 12)
    )
    reminders_send(TODAY)
    [reminder] = barnet_mails()
    assert "period starting 1 December 2023" in reminder.body
    assert "1 July 2023" not in reminder.body
    reminders_send(TODAY + dt.timedelta(days=7))
    assert len(barnet_mails()) == 1


def test_opted_out_officer_gets_no_reminder(client, barnet_officer, barnet_monthly_kpi):
    # Unticking every box posts an empty form: it must still be saved.
    client.force_login(barnet_officer)
    response = client.post(reverse("pilots_email_preferences"), {})
    assert response.status_code == 302
    assert "Your email choices are saved." in client.get(response.url).content.decode()
    officer = Officer.objects.get(user__username="officer-barnet")
    assert (officer.receives_reminders, officer.receives_roundup) == (False, False)
    reminders_send(TODAY)
    assert barnet_mails() == []


def test_not_overdue_within_two_weeks_of_period_end(barnet_monthly_kpi, barnet_pilot):
    barnet_pilot.actual_end = dt.date(2023, 7, 31)
    barnet_pilot.save()
    reminders_send(dt.date(2023, 8, 10))
    assert barnet_mails() == []
    reminders_send(dt.date(2023, 8, 20))
    assert "1 July 2023" in barnet_mails()[0].body
