"""A pilot that has started but has no end date yet still owes its readings: its
periods run until today, in the template, on the readings page and in reminders."""

import datetime as dt

from django.core import mail
from django.urls import reverse

from pilots.models import Pilot, Stage
from pilots.notifications.reminders import reminders_send
from tests.pilots.returns.returns_helpers import template_book


def open_ended(pilot):
    Pilot.objects.filter(pk=pilot.pk).update(planned_end=None, actual_end=None)
    pilot.refresh_from_db()
    return pilot


def test_template_lists_every_quarter_since_the_start(barnet_pilot):
    pilot = open_ended(barnet_pilot)
    kpi = pilot.kpis.get()
    rows = list(template_book(pilot.borough)["Return"].iter_rows(min_row=2, values_only=True))
    # From Q3 2023 to Q1 2026, the quarter under way on 15 January 2026.
    assert [r[5].date() for r in rows if r[0] == kpi.pk] == [
        dt.date(year, month, 1)
        for year in (2023, 2024, 2025, 2026)
        for month in (1, 4, 7, 10)
        if dt.date(2023, 7, 1) <= dt.date(year, month, 1) <= dt.date(2026, 1, 1)
    ]


def test_readings_page_offers_recent_periods_and_reminders_name_them(
    client, barnet_officer, barnet_pilot
):
    pilot = open_ended(barnet_pilot)
    client.force_login(barnet_officer)
    page = client.get(reverse("pilots_readings", args=[pilot.kpis.get().pk])).content.decode()
    assert "needs start and end dates" not in page
    assert "Q1 2024 (Jan–Mar)" in page

    reminders_send(dt.date(2024, 5, 1))
    [reminder] = [m for m in mail.outbox if m.to == ["officer-barnet@example.org"]]
    assert "period starting 1 January 2024" in reminder.body


def test_a_paused_pilot_without_an_end_date_is_not_chased(barnet_pilot):
    pilot = open_ended(barnet_pilot)
    Pilot.objects.filter(pk=pilot.pk).update(stage=Stage.PAUSED)
    reminders_send(dt.date(2024, 5, 1))
    assert [m for m in mail.outbox if m.to == ["officer-barnet@example.org"]] == []
