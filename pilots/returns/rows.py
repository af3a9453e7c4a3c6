"""Checking a return's rows: every row is checked before anything is written, and every
problem is named by sheet, row and column."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from designlab.models import Borough
from pilots.models import KPI, KPIReading
from pilots.readings.periods import period_problem
from pilots.readings.write import CENTS, Readings, reading_locked_message
from pilots.returns.layout import OPTIONAL, REQUIRED
from pilots.returns.reader import FileRefused, Sheet, column_name, problem

LARGEST = Decimal("999999999999.99")
NEGATIVE = "%s is negative; KPI readings cannot be below 0."


def return_rows_check(sheet: Sheet, borough: Borough) -> Readings:
    """The readings of `sheet` keyed by (KPI id, period start). Raises FileRefused with
    every problem found."""
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
    own = KPI.objects.filter(pilot__borough=borough).select_related("pilot")
    fields = ["name", "unit", "frequency", "pilot__borough_id", "pilot__actual_start",
              "pilot__actual_end", "pilot__planned_start", "pilot__planned_end"]  # fmt: skip
    kpis = {k.pk: k for k in own.only(*fields)}
    today = timezone.localdate()
    readings, first_row, problems = {}, {}, []
    for number, cells in sheet.rows:

        def cell(name, cells=cells):
            index = at[name]
            return cells[index] if index is not None and index < len(cells) else None

        def report(message, name, number=number):
            column = column_name(sheet.header, at[name]) if name else ""
            problems.append(problem(message, sheet=sheet.name, row=number, column=column))

        if all(_blank(c) for c in cells):
            continue
        kpi = _kpi_find(cell("KPI ID"), kpis, borough, lambda m: report(m, "KPI ID"))
        value = _value_read(cell("Value"), kpi, lambda m: report(m, "Value"))
        start = _date_read(cell("Period start"), lambda m: report(m, "Period start"))
        # Without a Note column the notes already recorded are kept.
        note = None if at["Note"] is None else str(cell("Note") or "").strip()
        if note and len(note) > 500:
            report(f"The note is {len(note)} characters long; the limit is 500.", "Note")
        if kpi is None or start is None or _blank(cell("Value")):
            continue
        if reason := period_problem(kpi, kpi.pilot, start, today):
            report(reason, "Period start")
            continue
        key = (kpi.pk, start)
        if key in first_row:
            report(f"This KPI and period are already on row {first_row[key]}.", "Period start")
            continue
        first_row[key] = number
        if value is not None:
            readings[key] = (value, note)
    problems += _locked_rows(readings, kpis, first_row, sheet, at["Value"])
    if problems:
        raise FileRefused(problems)
    return readings


def _locked_rows(readings: Readings, kpis: dict, first_row: dict, sheet: Sheet, at: int) -> list:
    """A row that would change an approved (locked) reading is a problem like any other:
    the whole return is refused, naming the KPI and period."""
    locked = KPIReading.objects.filter(
        kpi_id__in={k for k, _ in readings},
        period_start__in={s for _, s in readings},
        status=KPIReading.Status.APPROVED,
    ).values_list("kpi_id", "period_start", "value", "note")
    problems = []
    for kpi_id, start, value, note in locked:
        if (kpi_id, start) not in readings:
            continue
        new_value, new_note = readings[(kpi_id, start)]
        if new_value != value or (new_note is not None and new_note != note):
            problems.append(
                problem(
                    reading_locked_message(kpis[kpi_id], start),
                    sheet=sheet.name,
                    row=first_row[(kpi_id, start)],
                    column=column_name(sheet.header, at),
                )
            )
    return sorted(problems, key=lambda p: p["row"])


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
