"""Reporting periods of a KPI: the one place that knows which periods a pilot owes.

Periods are calendar months, quarters or years, named by their first day. A period fits
a pilot when it overlaps the pilot's dates (actual where known, planned otherwise; a
pilot in delivery without an end date runs until today); it is *due* once it has
ended, provided the pilot has started.
"""

import datetime as dt

from django.utils import timezone

from pilots.models import KPI, Pilot, Stage

MONTHS_PER_PERIOD = {KPI.Frequency.MONTHLY: 1, KPI.Frequency.QUARTERLY: 3, KPI.Frequency.ANNUAL: 12}


def period_start_of(day: dt.date, frequency: str) -> dt.date:
    """The first day of the period of `frequency` containing `day`."""
    step = MONTHS_PER_PERIOD[frequency]
    month = (day.month - 1) // step * step + 1
    return dt.date(day.year, month, 1)


def period_end(start: dt.date, frequency: str) -> dt.date:
    """The last day of the period beginning on `start`."""
    months = start.year * 12 + start.month - 1 + MONTHS_PER_PERIOD[frequency]
    return dt.date(months // 12, months % 12 + 1, 1) - dt.timedelta(days=1)


def period_label(start: dt.date, frequency: str) -> str:
    if frequency == KPI.Frequency.MONTHLY:
        return f"{start:%B %Y}"
    if frequency == KPI.Frequency.QUARTERLY:
        quarter = (start.month - 1) // 3 + 1
        return f"Q{quarter} {start.year} ({start:%b}–{period_end(start, frequency):%b})"
    return str(start.year)


def pilot_dates(pilot: Pilot, today: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The pilot's first and last day: actual where known, planned otherwise."""
    start = pilot.actual_start or pilot.planned_start
    end = pilot.actual_end or pilot.planned_end
    if end is None and pilot.actual_start is not None and pilot.stage in Stage.running():
        end = today or timezone.localdate()  # running, with no end date set
    if start is None or end is None or end < start:
        return None
    return start, end


def kpi_periods(kpi: KPI, pilot: Pilot, today: dt.date | None = None) -> list[dt.date]:
    """Every period of `kpi` that overlaps the pilot's dates, oldest first."""
    dates = pilot_dates(pilot, today)
    if dates is None:
        return []
    start, end = dates
    periods, current = [], period_start_of(start, kpi.frequency)
    while current <= end:
        periods.append(current)
        current = period_end(current, kpi.frequency) + dt.timedelta(days=1)
    return periods


def kpi_due_periods(kpi: KPI, pilot: Pilot, today: dt.date) -> list[dt.date]:
    """Periods of `kpi` that have ended by `today`, once the pilot has started."""
    if pilot.actual_start is None:
        return []
    return [p for p in kpi_periods(kpi, pilot, today) if period_end(p, kpi.frequency) < today]


def period_problem(kpi: KPI, pilot: Pilot, start: dt.date, today: dt.date) -> str | None:
    """Why a reading for the period starting `start` cannot be recorded, or None."""
    if start != period_start_of(start, kpi.frequency):
        return (
            f"{start:%d %B %Y} does not start a {kpi.get_frequency_display().lower()} "
            f"period; use {period_start_of(start, kpi.frequency):%d %B %Y}."
        )
    if start not in kpi_periods(kpi, pilot, today):
        dates = pilot_dates(pilot, today)
        if dates is None:
            return "The pilot has no start and end dates yet, so no period can be reported."
        return (
            f"{start:%d %B %Y} is outside the pilot's dates "
            f"({dates[0]:%d %B %Y} to {dates[1]:%d %B %Y})."
        )
    if start > today:
        return f"The period starting {start:%d %B %Y} has not begun yet."
    return None
