"""Checking a return's rows: every row is checked before anything is written, and every
problem is named by sheet, row and column."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from designlab.models import Borough
from pilots.models import KPI, KPIReading
from pilots.readings import quality
from pilots.readings.periods import period_problem
from pilots.readings.write import CENTS, Readings, reading_differs, reading_locked_message
from pilots.returns.layout import CONFIRM, COUNTS, OPTIONAL, REQUIRED, STORY, TEXT_LIMITS
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
    fields = ["name", "unit", "frequency", "kind", "entered_as_ratio", "plausible_min",
              "plausible_max", "pilot__borough_id", "pilot__actual_start",
              "pilot__actual_end", "pilot__planned_start", "pilot__planned_end"]  # fmt: skip
    kpis = {k.pk: k for k in own.only(*fields)}
    today = timezone.localdate()
    readings, first_row, problems, story = {}, {}, [], {}
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
        start = _date_read(cell("Period start"), lambda m: report(m, "Period start"))
        # Without a Note (or story) column the text already recorded is kept.
        texts = {}
        for name, limit in TEXT_LIMITS.items():
            text = None if at[name] is None else str(cell(name) or "").strip()
            texts[name] = text
            if text and len(text) > limit:
                report(f"The {name.lower()} is {len(text)} characters long; the limit is "
                       f"{limit}.", name)  # fmt: skip
        note = texts["Note"]
        if kpi is not None and kpi.entered_as_ratio:
            value, counts = _counts_read(cell, kpi, report)
        else:
            value = _value_read(cell("Value"), kpi, lambda m: report(m, "Value"))
            counts = {}
            if kpi is not None and not all(_blank(cell(name)) for name in COUNTS):
                report(f"“{kpi.name}” is not entered as two counts: leave Numerator and "
                       "Denominator empty and type the reading in Value.", "Numerator")  # fmt: skip
        if kpi is None or start is None or (value is None and _blank(cell("Value"))):
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
            details = {k.lower().replace(" ", "_"): v for k, v in texts.items() if k in STORY}
            details = {k: v for k, v in details.items() if v is not None} | counts
            readings[key] = (value, note, details)
            story[key] = (kpi, number, texts)
    problems += _quality_check(readings, story, lambda name: column_name(sheet.header, at[name]),
                               sheet.name)  # fmt: skip
    problems += _locked_rows(readings, kpis, first_row, sheet, at["Value"])
    if problems:
        raise FileRefused(sorted(problems, key=lambda p: p["row"] or 0))
    return readings


def _quality_check(readings: Readings, story: dict, column, sheet: str) -> list[dict]:
    """A cumulative total that falls needs a reason in "What happened"; an unusual figure
    needs a reason in "Confirm" (`pilots.readings.quality`). Records what was confirmed."""
    problems = []
    previous = quality.previous_values({key: entry[0] for key, entry in readings.items()})
    for key, (value, _, details) in readings.items():
        kpi, number, texts = story[key]
        why, confirmed = texts["What happened"] or "", texts[CONFIRM] or ""
        if fall := quality.fall_problem(kpi, value, previous[key], why):
            where = "What happened" if texts["What happened"] is not None else "Value"
            problems.append(problem(fall, sheet=sheet, row=number, column=column(where)))
        warning = quality.unusual(kpi, value, previous[key])
        if warning and not confirmed:
            message = (f"{warning}. If it is right, write why in the “Confirm” column; "
                       "otherwise correct it.")  # fmt: skip
            where = CONFIRM if texts[CONFIRM] is not None else "Value"
            problems.append(problem(message, sheet=sheet, row=number, column=column(where)))
        details.update(quality_warning=warning or "", quality_reason=confirmed if warning else "")
    return problems


def _counts_read(cell, kpi: KPI, report) -> tuple[Decimal | None, dict]:
    """The percentage of a KPI entered as two counts, and the counts; (None, {}) for a row
    left empty or with a problem reported."""
    raw = {name: cell(name) for name in COUNTS}
    if all(_blank(v) for v in raw.values()):
        if not _blank(cell("Value")):
            report(f"“{kpi.name}” is entered as two counts: type the Numerator and the "
                   "Denominator; the percentage is worked out from them.", "Value")  # fmt: skip
        return None, {}
    numerator, denominator = (_value_read(raw[name], None, lambda m, name=name: report(m, name))
                              for name in COUNTS)  # fmt: skip
    if (numerator is None and not _blank(raw["Numerator"])) or (
        denominator is None and not _blank(raw["Denominator"])
    ):
        return None, {}
    if reason := quality.ratio_problem(kpi, numerator, denominator):
        report(reason, "Denominator" if numerator is not None else "Numerator")
        return None, {}
    value = quality.ratio_percent(numerator, denominator)
    typed = _value_read(cell("Value"), kpi, lambda m: report(m, "Value"))
    if typed is not None and typed != value:
        report(f"The Value {typed} is not the numerator over the denominator ({value}). Leave "
               "Value empty: it is worked out from the two counts.", "Value")  # fmt: skip
        return None, {}
    return value, {"numerator": numerator, "denominator": denominator}


def _locked_rows(readings: Readings, kpis: dict, first_row: dict, sheet: Sheet, at: int) -> list:
    """A row that would change an approved (locked) reading is a problem like any other:
    the whole return is refused, naming the KPI and period."""
    locked = KPIReading.objects.filter(
        kpi_id__in={k for k, _ in readings},
        period_start__in={s for _, s in readings},
        status=KPIReading.Status.APPROVED,
    )
    problems = []
    for reading in locked:
        key = (reading.kpi_id, reading.period_start)
        if key in readings and reading_differs(reading, *readings[key]):
            problems.append(
                problem(
                    reading_locked_message(kpis[reading.kpi_id], reading.period_start),
                    sheet=sheet.name,
                    row=first_row[key],
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
