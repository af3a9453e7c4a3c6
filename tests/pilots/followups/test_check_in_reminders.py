"""Officers are emailed once about each check-in their borough owes, however often the
daily task runs; a check-in falling due later gets its own email; officers who opted out
get none."""

import datetime as dt

from django.core import mail

from designlab.models import Lab, Officer
from pilots.followups.reminders import follow_ups_remind
from pilots.notifications.schedule import SCHEDULE

SIX_MONTHS = dt.date(2024, 4, 2)  # the 2023 Lab's 6-month check-ins are due
A_YEAR = dt.date(2024, 10, 2)  # and its 12-month ones


def barnet_mails():
    return [m for m in mail.outbox if m.to == ["officer-barnet@example.org"]]


def test_run_twice_one_email(barnet_pilot):
    follow_ups_remind(SIX_MONTHS)
    [reminder] = barnet_mails()
    assert reminder.subject == "Design Lab: 1 follow-up check-in due for Barnet"
    assert f"{barnet_pilot.title}: 6-month check-in, due 30 March 2024" in reminder.body
    assert f"/admin/follow-ups/pilot/{barnet_pilot.pk}/6/" in reminder.body
    assert "/admin/email-preferences/" in reminder.body
    sent = len(mail.outbox)
    assert follow_ups_remind(SIX_MONTHS) == 0
    assert follow_ups_remind(SIX_MONTHS + dt.timedelta(days=1)) == 0
    assert len(mail.outbox) == sent


def test_the_next_check_in_gets_its_own_email(barnet_pilot):
    follow_ups_remind(SIX_MONTHS)
    follow_ups_remind(A_YEAR)
    first, second = barnet_mails()
    assert "6-month" in first.body and "12-month" not in first.body
    assert "12-month" in second.body and "6-month" not in second.body


def test_each_borough_hears_of_its_own_pilots_only(barnet_pilot, brent_pilot):
    follow_ups_remind(SIX_MONTHS)
    [barnet] = barnet_mails()
    assert brent_pilot.title not in barnet.body


def test_opted_out_officer_gets_none(barnet_pilot):
    Officer.objects.filter(user__username="officer-barnet").update(receives_reminders=False)
    follow_ups_remind(SIX_MONTHS)
    assert barnet_mails() == []


def test_nothing_before_the_first_check_in_falls_due(lab):
    Lab.objects.filter(pk=lab.pk).update(follow_up_months=[12])
    assert follow_ups_remind(SIX_MONTHS) == 0
    assert mail.outbox == []


def test_the_beat_schedule_runs_it_daily():
    task, when = SCHEDULE["Follow-up check-in reminders"]
    assert task == "pilots.tasks.follow_ups_remind"
    assert when == {"minute": "15", "hour": "7"}
