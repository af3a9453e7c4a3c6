"""Officers with overdue returns get one reminder per due period, however often the task
runs; officers who opted out get none."""

import datetime as dt
import smtplib

from django.core import mail
from django.core.mail.backends import locmem
from django.urls import reverse

from designlab.models import Officer
from pilots.models import KPIReading
from pilots.notifications.reminders import reminders_send

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


def test_monthly_and_quarterly_periods_starting_the_same_day_each_get_a_reminder(
    barnet_pilot, barnet_monthly_kpi
):
    """July 2023 (monthly) is overdue in August; Q3 2023 (quarterly) only in October."""
    quarterly = barnet_pilot.kpis.exclude(pk=barnet_monthly_kpi.pk).get()
    quarterly.readings.filter(period_start=dt.date(2023, 7, 1)).delete()
    reminders_send(dt.date(2023, 8, 20))
    [august] = barnet_mails()
    assert august.subject == "Design Lab: 1 KPI reading overdue for Barnet"
    assert "Placements lasting three months, period starting 1 July 2023" in august.body
    assert quarterly.name not in august.body
    reminders_send(dt.date(2023, 10, 20))
    october = barnet_mails()[-1]
    assert len(barnet_mails()) == 2
    assert f"{quarterly.name}, period starting 1 July 2023" in october.body


def test_reminder_celery_task_run_twice_sends_one_email(barnet_monthly_kpi, tasks_in_process):
    from pilots.tasks import reminders_send as task

    task.delay()
    assert len(barnet_mails()) == 1
    task.delay()
    assert len(barnet_mails()) == 1


def test_a_refused_address_does_not_stop_the_others_and_is_tried_again(
    barnet_monthly_kpi, brent_pilot, settings
):
    settings.EMAIL_BACKEND = "tests.pilots.notifications.test_reminders.RefusesBarnet"
    sent = reminders_send(TODAY)
    assert barnet_mails() == [] and sent == len(mail.outbox) > 0  # Brent's officer got theirs
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_send(TODAY) == 1
    assert "Placements lasting three months" in barnet_mails()[0].body


class RefusesBarnet(locmem.EmailBackend):
    """A mail server that refuses one address, as SMTP servers do now and then."""

    def send_messages(self, messages):
        if any("officer-barnet@example.org" in m.to for m in messages):
            raise smtplib.SMTPRecipientsRefused({"officer-barnet@example.org": (450, b"busy")})
        return super().send_messages(messages)
