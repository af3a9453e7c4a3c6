"""Checking a return's rows: every row is checked before anything is written, and every
problem is named by sheet, row and column."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from designlab.models import Borough
from pilots.models import KPI, Pilot
from pilots.readings.periods import kpi_periods, period_problem
from pilots.readings.write import CENTS, Readings
from pilots.returns.layout import MAX_CELL, MAX_PROBLEMS, MAX_ROWS, OPTIONAL, REQUIRED
from pilots.returns.reader import (
    FileRefused,
    Sheet,
    cell_too_long,
    checking_stopped,
    column_name,
    problem,
    too_many_rows,
)

PROGRESS_EVERY = 1000
LARGEST = Decimal("999999999999.99")
NEGATIVE = "%s is negative; KPI readings cannot be below 0."


def return_rows_check(
    sheet: Sheet, borough: Borough, *, progress: Callable[[int], None] | None = None
) -> Readings:
    """The readings of `sheet` keyed by (KPI id, period start). Raises FileRefused with
    every problem found, up to MAX_PROBLEMS. `progress` is told the rows checked so far,
    every PROGRESS_EVERY rows."""
    columns = {name.casefold(): i for i, name in enumerate(sheet.header) if name}
    missing = [name for name in REQUIRED if name.casefold() not in columns]
    if missing:
        listed = ", ".join(f"“{name}”" for name in missing)
        raise FileRefused(
            [
                problem(
                    f"Column {listed} is missing. The first row must hold the template's "
                    f"column names; {', '.join(REQUIRED)} are required.",
                    sheet=sheet.name,
                    row=1,
                )
            ]
        )
    at = {name: columns[name.casefold()] for name in REQUIRED}
    at.update({name: columns.get(name.casefold()) for name in OPTIONAL})
    # Only the borough's own KPIs are loaded: a problem must never name another borough's.
    # Each pilot is built once, not once per KPI: a pilot is costly to build.
    pilots = Pilot.objects.filter(borough=borough).only(
        "borough_id", "stage", "actual_start", "actual_end", "planned_start", "planned_end"
    )
    pilots = {p.pk: p for p in pilots}
    kpis = {}
    for kpi in KPI.objects.filter(pilot__borough=borough).only(
        "name", "unit", "frequency", "pilot"
    ):
        kpi.pilot = pilots[kpi.pilot_id]
        kpis[kpi.pk] = kpi
    today = timezone.localdate()
    readings, first_row, problems = {}, {}, []
    # Look-ups remembered across rows: a return repeats each KPI and period many times.
    kpi_of, date_of, periods = {}, {}, {}
    kpi_at, value_at, start_at, note_at = (
        at[n] for n in ("KPI ID", "Value", "Period start", "Note")
    )
    width = max(i for i in at.values() if i is not None) + 1

    def report(message: str, name: str | None, number: int) -> None:
        column = column_name(sheet.header, at[name]) if name else ""
        problems.append(problem(message, sheet=sheet.name, row=number, column=column))

    for number, cells in sheet.rows:
        if progress and number % PROGRESS_EVERY == 0:
            progress(number - 1)
        if number > MAX_ROWS + 1:  # rows the scan could not count (an unusual file)
            raise FileRefused([too_many_rows(sheet=sheet.name)])
        if len(problems) >= MAX_PROBLEMS:
            problems.append(checking_stopped())
            break
        if len(cells) < width:
            cells = [*cells, *[None] * (width - len(cells))]
        if long := _too_long(cells, sheet, number):
            problems += long
            continue
        raw_kpi, raw_value, raw_start = cells[kpi_at], cells[value_at], cells[start_at]
        if _blank(raw_kpi) and _blank(raw_value) and _blank(raw_start) and all(map(_blank, cells)):
            continue
        try:
            kpi = kpi_of[raw_kpi]
        except (KeyError, TypeError):  # TypeError: a value that cannot be a key
            kpi = _kpi_find(raw_kpi, kpis, borough, lambda m, n=number: report(m, "KPI ID", n))
            if kpi is not None:
                kpi_of[raw_kpi] = kpi
        value = _value_read(raw_value, kpi, lambda m, n=number: report(m, "Value", n))
        try:
            start = date_of[raw_start]
        except (KeyError, TypeError):
            start = _date_read(raw_start, lambda m, n=number: report(m, "Period start", n))
            if start is not None:
                date_of[raw_start] = start
        # Without a Note column the notes already recorded are kept.
        note = None if note_at is None else str(cells[note_at] or "").strip()
        if note and len(note) > 500:
            report(f"The note is {len(note)} characters long; the limit is 500.", "Note", number)
        if kpi is None or start is None or _blank(raw_value):
            continue
        if kpi.pk not in periods:
            periods[kpi.pk] = {p for p in kpi_periods(kpi, kpi.pilot, today) if p <= today}
        # Outside the allowed periods, `period_problem` says why in the one set of words.
        if start not in periods[kpi.pk] and (
            reason := period_problem(kpi, kpi.pilot, start, today)
        ):
            report(reason, "Period start", number)
            continue
        key = (kpi.pk, start)
        if key in first_row:
            report(
                f"This KPI and period are already on row {first_row[key]}.", "Period start", number
            )
            continue
        first_row[key] = number
        if value is not None:
            readings[key] = (value, note)
    if problems:
        raise FileRefused(problems)
    return readings


def _too_long(cells: list, sheet: Sheet, number: int) -> list[dict]:
    """A problem for each cell longer than a spreadsheet cell can be (a CSV file, or a
    workbook not written by a spreadsheet program, can hold one of any length)."""
    return [
        cell_too_long(row=number, column=column_name(sheet.header, i), sheet=sheet.name)
        for i, c in enumerate(cells)
        if type(c) is str and len(c) > MAX_CELL
    ]


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kpi_find(raw, kpis: dict, borough: Borough, report) -> KPI | None:
    if _blank(raw):
        report("The KPI ID is empty. Use the rows of the template without changing this column.")
        return None
    try:
        number = float(raw) if not isinstance(raw, str) else float(raw.strip())
        pk = int(number)
        if pk != number:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        report(
            f"“{raw}” is not a KPI ID. Use the rows of the template without changing this column."
        )
        return None
    kpi = kpis.get(pk)
    if kpi is None:
        # The same words whether the KPI is another borough's or does not exist at all.
        report(
            f"KPI {pk} is not one of {borough.name}'s KPIs. Download a new template and copy "
            "your figures into it."
        )
    return kpi


def _value_read(raw, kpi: KPI | None, report) -> Decimal | None:
    if _blank(raw):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        report(f"“{raw}” is not a number. Type a number only, such as 12 or 45.5.")
        return None
    try:
        value = Decimal(raw.strip().replace(",", "") if isinstance(raw, str) else str(raw))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        report(f"“{raw}” is not a number. Type a number only, such as 12 or 45.5.")
        return None
    if abs(value) > LARGEST:  # checked before rounding, which fails on numbers such as 1e30
        report(f"“{raw}” is too large to be a reading." if value > 0 else NEGATIVE % raw)
        return None
    value = value.quantize(CENTS)
    if value < 0:
        report(NEGATIVE % value)
    elif kpi is not None and kpi.unit == KPI.Unit.PERCENT and value > 100:
        report(f"{value} is not a percentage: “{kpi.name}” takes a number from 0 to 100.")
    else:
        return value
    return None


def _date_read(raw, report) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(raw.strip(), pattern).date()
            except ValueError:
                pass
    if _blank(raw):
        report("The period start is empty. Write the first day of the period, such as 2023-07-01.")
    else:
        report(f"“{raw}” is not a date. Write the first day of the period, such as 2023-07-01.")
    return None
