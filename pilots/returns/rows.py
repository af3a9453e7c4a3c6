"""Checking a return's rows: every row is checked before anything is written, and every
problem is named by sheet, row and column."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from designlab.models import Borough
from pilots.models import KPI, KPIReading, Pilot
from pilots.readings import quality
from pilots.readings.periods import kpi_periods, period_problem
from pilots.readings.write import CENTS, Readings, reading_differs, reading_locked_message
from pilots.returns.categories import CategoryRows
from pilots.returns.layout import (
    CATEGORY,
    CONFIRM,
    COUNTS,
    MAX_CELL,
    MAX_PROBLEMS,
    MAX_ROWS,
    OPTIONAL,
    PARTS_REASON,
    REQUIRED,
    STORY,
    TEXT_LIMITS,
)
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
BLANK = {None, ""}  # most empty cells: tested at once, before `_blank` looks closer


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
    fields = ["name", "unit", "frequency", "kind", "entered_as_ratio", "plausible_min",
              "plausible_max", "pilot", "split_by"]  # fmt: skip
    for kpi in KPI.objects.filter(pilot__borough=borough).only(*fields):
        kpi.pilot = pilots[kpi.pilot_id]
        kpis[kpi.pk] = kpi
    today = timezone.localdate()
    readings, first_row, problems, confirmed, shared = {}, {}, [], {}, {}  # shared: details
    # Look-ups remembered across rows: a return repeats each KPI, period and figure many
    # times, and the periods a KPI may report are those of its pilot and frequency.
    kpi_of, date_of, value_of, periods = {}, {}, {}, {}
    kpi_at, value_at, start_at = (at[n] for n in ("KPI ID", "Value", "Period start"))
    width = max(i for i in at.values() if i is not None) + 1
    counts_at = [at[name] for name in COUNTS if at[name] is not None]
    # Without a Note (or story) column the text already recorded is kept: None, not "".
    texts_at = [(name, limit, at[name]) for name, limit in TEXT_LIMITS.items()
                if at[name] is not None]  # fmt: skip
    story = [(name.lower().replace(" ", "_"), name) for name in STORY if at[name] is not None]
    story_names = [name for _, name in story]

    def report(message: str, name: str | None, number: int) -> None:
        column = column_name(sheet.header, at[name]) if name else ""
        problems.append(problem(message, sheet=sheet.name, row=number, column=column))

    def kpi_read(raw: object, number: int) -> tuple:
        """(KPI, its id, whether entered as two counts, whether a percentage, the periods
        it may report), or Nones with the problem reported."""
        kpi = _kpi_find(raw, kpis, borough, lambda m: report(m, "KPI ID", number))
        if kpi is None:
            return None, None, False, False, set()
        if (kpi.pilot_id, kpi.frequency) not in periods:
            allowed = {p for p in kpi_periods(kpi, kpi.pilot, today) if p <= today}
            periods[kpi.pilot_id, kpi.frequency] = allowed
        about = (kpi, kpi.pk, kpi.entered_as_ratio, kpi.unit == KPI.Unit.PERCENT,
                 periods[kpi.pilot_id, kpi.frequency])  # fmt: skip
        kpi_of[raw] = about
        return about

    # A split KPI's categories come on rows of their own, below its total's row.
    categories, category_at, reasons = CategoryRows(kpis, report), at[CATEGORY], {}

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
        if max(map(len, filter(str.__instancecheck__, cells)), default=0) > MAX_CELL:
            problems += _too_long(cells, sheet, number)
            continue
        raw_kpi, raw_value, raw_start = cells[kpi_at], cells[value_at], cells[start_at]
        if _blank(raw_kpi) and _blank(raw_value) and _blank(raw_start) and all(map(_blank, cells)):
            continue
        try:
            kpi, kpi_pk, ratio, percent, allowed = kpi_of[raw_kpi]
        except (KeyError, TypeError):  # TypeError: a value that cannot be a key
            kpi, kpi_pk, ratio, percent, allowed = kpi_read(raw_kpi, number)
        try:
            start = date_of[raw_start]
        except (KeyError, TypeError):
            start = _date_read(raw_start, lambda m, n=number: report(m, "Period start", n))
            if start is not None:
                date_of[raw_start] = start
        texts = {}
        for name, limit, i in texts_at:
            text = cells[i]
            texts[name] = text = str(text).strip() if text else ""
            if len(text) > limit:
                report(f"The {name.lower()} is {len(text)} characters long; the limit is "
                       f"{limit}.", name, number)  # fmt: skip
        if category_at is not None and not _blank(cells[category_at]):  # a category's row
            value = _value_read(raw_value, kpi, lambda m, n=number: report(m, "Value", n))
            if kpi is not None and start is not None:
                categories.add(kpi, start, cells[category_at], value, number)
            continue
        counts = ()
        if ratio:

            def cell(name: str, cells: list = cells) -> object:
                return None if at[name] is None else cells[at[name]]

            value, counted = _counts_read(cell, kpi, lambda m, name, n=number: report(m, name, n))
            counts = tuple(counted.items())
        else:
            # A figure read once is remembered (by its type too: True is not 1).
            try:
                value = value_of[type(raw_value), raw_value, percent]
            except (KeyError, TypeError):
                value = _value_read(raw_value, kpi, lambda m, n=number: report(m, "Value", n))
                if value is not None:
                    value_of[type(raw_value), raw_value, percent] = value
            typed = [cells[i] for i in counts_at]
            if kpi is not None and not BLANK.issuperset(typed) and not all(map(_blank, typed)):
                report(f"“{kpi.name}” is not entered as two counts: leave Numerator and "
                       "Denominator empty and type the reading in Value.", "Numerator",
                       number)  # fmt: skip
        if kpi is None or start is None or (value is None and _blank(raw_value)):
            continue
        # Outside the allowed periods, `period_problem` says why in the one set of words.
        if start not in allowed and (reason := period_problem(kpi, kpi.pilot, start, today)):
            report(reason, "Period start", number)
            continue
        key = (kpi_pk, start)
        if key in first_row:
            report(
                f"This KPI and period are already on row {first_row[key]}.", "Period start", number
            )
            continue
        first_row[key] = number
        if value is not None:
            told = (*map(texts.__getitem__, story_names), *counts)
            if (details := shared.get(told)) is None:
                details = {field: texts[name] for field, name in story} | dict(counts)
                shared[told] = details
            readings[key] = (value, texts.get("Note"), details)
            if confirm := texts.get(CONFIRM):
                confirmed[key] = confirm
            if category_at is not None and kpi.split_by_id:
                reasons[key] = texts.get(PARTS_REASON) or ""
    where = {name: name if at[name] is not None else "Value" for name in ("What happened", CONFIRM)}
    problems += _quality_check(readings, kpis, first_row, confirmed, sheet.name,
                               lambda name: column_name(sheet.header, at[where[name]]))  # fmt: skip
    problems += _locked_rows(readings, kpis, first_row, sheet, at["Value"])
    if category_at is not None:  # without the column, recorded parts are left alone
        categories.attach(
            readings, kpis, first_row, reasons, reason_read=at[PARTS_REASON] is not None
        )
    if problems:
        raise FileRefused(sorted(problems, key=lambda p: (p["row"] is None, p["row"] or 0)))
    return readings


def _too_long(cells: list, sheet: Sheet, number: int) -> list[dict]:
    """A problem for each cell longer than a spreadsheet cell can be (a CSV file, or a
    workbook not written by a spreadsheet program, can hold one of any length)."""
    return [
        cell_too_long(row=number, column=column_name(sheet.header, i), sheet=sheet.name)
        for i, c in enumerate(cells)
        if type(c) is str and len(c) > MAX_CELL
    ]


def _quality_check(
    readings: Readings, kpis: dict, first_row: dict, confirmed: dict, sheet: str,
    column: Callable[[str], str],
) -> list[dict]:  # fmt: skip
    """A cumulative total that falls needs a reason in "What happened"; an unusual figure
    needs a reason in "Confirm" (`pilots.readings.quality`). Records what was confirmed.
    `column` names the column of a problem about "What happened" or "Confirm".

    Readings with the same details share one dict of them (most have an empty story and
    no warning): a dict each would cost memory in proportion to the rows."""
    problems, shared = [], {}
    previous = quality.previous_values({key: entry[0] for key, entry in readings.items()})
    for key, (value, note, details) in readings.items():
        kpi, before = kpis[key[0]], previous[key]
        why, confirm = details.get("what_happened") or "", confirmed.get(key, "")
        if fall := quality.fall_problem(kpi, value, before, why):
            problems.append(problem(fall, sheet=sheet, row=first_row[key],
                                    column=column("What happened")))  # fmt: skip
        warning = quality.unusual(kpi, value, before) or ""
        if warning and not confirm:
            message = (f"{warning}. If it is right, write why in the “Confirm” column; "
                       "otherwise correct it.")  # fmt: skip
            problems.append(problem(message, sheet=sheet, row=first_row[key],
                                    column=column(CONFIRM)))  # fmt: skip
        reason = confirm if warning else ""
        known, checked = shared.get((id(details), warning, reason), (None, None))
        if known is not details:
            checked = details | {"quality_warning": warning, "quality_reason": reason}
            shared[id(details), warning, reason] = (details, checked)
        readings[key] = (value, note, checked)
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
