"""The .xlsx return template officers download: one row per KPI and period due, and for
the period under way.

It is written with openpyxl in normal mode because locked headers and cell validation
need it; a borough's template is small.
"""

import datetime as dt

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from cms.cells import cell_safe
from designlab.models import Borough
from pilots.models import KPI, KPIReading, Pilot
from pilots.readings.periods import kpi_periods, period_label
from pilots.returns.categories import category_rows, parts_of_borough
from pilots.returns.layout import (
    CATEGORY,
    COLUMNS,
    COUNTS,
    DATA_SHEET,
    MAX_PROBLEMS,
    MAX_ROWS,
    OPTIONAL,
    STORY,
    column_letter,
)


def template_rows(borough: Borough, today: dt.date) -> list[list]:
    """One row per KPI and period of the borough's started pilots that has begun: the
    periods due, and the one under way (its reading can be filled in as soon as it is
    known), with the reading already recorded (if any), so a return can be corrected and
    uploaded again."""
    # A stable order, so row numbers in problems mean the same on every database.
    pilots = (
        Pilot.objects.filter(borough=borough, actual_start__isnull=False)
        .order_by("title", "pk")
        .prefetch_related(
            Prefetch("kpis", KPI.objects.select_related("split_by").order_by("sort_order", "pk")),
            "kpis__split_by__categories",
        )
    )
    recorded = {
        (r.kpi_id, r.period_start): r
        for r in KPIReading.objects.filter(kpi__pilot__borough=borough).only(
            "kpi_id",
            "period_start",
            "value",
            "note",
            "what_happened",
            "next_step",
            "numerator",
            "denominator",
            "quality_reason",
            "parts_reason",
        )
    }
    parts = parts_of_borough(borough)
    rows = []
    for pilot in pilots:
        for kpi in pilot.kpis.all():
            for start in [p for p in kpi_periods(kpi, pilot, today) if p <= today]:
                reading = recorded.get((kpi.pk, start))
                # A percentage entered as two counts is worked out from them on upload.
                value = None if reading is None or kpi.entered_as_ratio else reading.value
                total = [
                    kpi.pk,
                    cell_safe(pilot.title),
                    cell_safe(kpi.name),
                    _unit_shown(kpi),
                    kpi.get_frequency_display(),
                    start,
                    period_label(start, kpi.frequency),
                    value,
                    *_recorded_text(reading),
                    None,  # the total has no category; its categories follow it
                    cell_safe(reading.parts_reason) if reading and reading.parts_reason else None,
                ]
                rows.append(total)
                rows += category_rows(kpi, total, parts.get((kpi.pk, start), {}))
    return rows


def _unit_shown(kpi: KPI) -> str:
    unit = kpi.get_unit_display()
    if kpi.entered_as_ratio:
        unit += ": type Numerator and Denominator"
    if kpi.kind == KPI.Kind.CUMULATIVE:
        unit += " (total to date)"
    if kpi.split_by is not None:
        unit += f", by {kpi.split_by.name.lower()}"
    return unit


def _recorded_text(reading: KPIReading | None) -> list:
    """Note, What happened, Next step, Numerator, Denominator, Confirm as recorded, so
    uploading the template unchanged changes nothing."""
    if reading is None:
        return [None] * 6
    text = [reading.note, reading.what_happened, reading.next_step]
    return [
        *(cell_safe(t) if t else None for t in text),
        reading.numerator,
        reading.denominator,
        cell_safe(reading.quality_reason) if reading.quality_reason else None,
    ]


def return_template_write(borough: Borough, out, *, today: dt.date) -> int:
    """Write the .xlsx return template for `borough` to `out` (a path or binary file);
    returns the number of rows to fill in."""
    rows = template_rows(borough, today)
    book = Workbook()
    guide = book.active
    guide.title = "Instructions"
    sheet = book.create_sheet(DATA_SHEET)
    _instructions_write(guide, borough, today)

    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    unlocked = Protection(locked=False)
    typed = [COLUMNS.index(name) + 1 for name in ["Value", *OPTIONAL] if name != CATEGORY]
    numbers = [COLUMNS.index(name) + 1 for name in ("Value", "Numerator", "Denominator")]
    for number, row in enumerate(rows, start=2):
        sheet.append(row)
        sheet.cell(number, COLUMNS.index("Period start") + 1).number_format = "yyyy-mm-dd"
        for column in typed:
            sheet.cell(number, column).protection = unlocked
        for column in numbers:
            sheet.cell(number, column).number_format = "0.00"
    _validation_add(sheet, rows)
    widths = (8, 40, 40, 18, 11, 12, 22, 12, 40, 40, 40, 12, 12, 40, 20, 40)
    for name, width in zip(COLUMNS, widths, strict=True):
        sheet.column_dimensions[column_letter(name)].width = width
    sheet.freeze_panes = "A2"
    # Locked cells keep the identifying columns and the header intact; the officer can
    # still sort, filter and resize. There is no password: this guards against slips.
    sheet.protection.sheet = True
    sheet.protection.sort = False
    sheet.protection.autoFilter = False
    sheet.protection.formatColumns = False
    sheet.auto_filter.ref = f"A1:{column_letter(COLUMNS[-1])}{max(len(rows) + 1, 2)}"
    book.active = 1
    book.save(out)
    return len(rows)


def _instructions_write(guide, borough: Borough, today: dt.date) -> None:
    lines = [
        f"KPI return for {borough.name}",
        f"Prepared on {today:%d %B %Y}.",
        "",
        "1. On the “Return” sheet, type each reading in the Value column: numbers only.",
        "   Percentages are numbers from 0 to 100 (type 45 for 45%). Nothing may be negative.",
        "2. Leave Value empty for a period you cannot report yet; that row is skipped.",
        "3. Note is optional (up to 500 characters). Do not enter anything about individuals.",
        "   What happened (why the figure differs from the target) and Next step are",
        "   optional too (up to 1,000 characters each); the GLA publishes them with the figure.",
        "4. A percentage whose Unit says “type Numerator and Denominator”: type the two counts",
        "   (the part and the whole) and leave Value empty; the percentage is worked out.",
        "   The numerator cannot be above the denominator, and the denominator cannot be 0.",
        "5. A KPI marked “total to date” is cumulative: its value cannot fall unless you say",
        "   why in What happened (a correction, for example).",
        "6. An unusual figure (outside the KPI's plausible range, or more than three times, or",
        "   under a third of, the previous period's) is accepted only with a reason in the",
        "   Confirm column saying why it is right. Without one the return is refused and",
        "   those rows are listed.",
        "7. Do not change the other columns, add formulas or rename the sheet.",
        "8. Upload the file in the Design Lab admin (KPI returns → Upload the KPI return).",
        "   The whole file is checked first: if anything is wrong nothing is recorded and",
        "   each problem is listed by row and column. Uploading the same file again",
        "   changes nothing; a corrected value replaces the old one, which is kept in the",
        "   reading's history.",
        f"6. A return can hold at most {MAX_ROWS:,} rows. Checking stops at "
        f"{MAX_PROBLEMS} problems;",
        "   split a larger return into several files and upload each.",
        "Categories: a KPI split by categories (its Unit says “by …”) has a row per category",
        "   below the row of its total. Type each category's figure in its row's Value. The",
        "   categories of a count must add up to the total; if they cannot (some people did",
        "   not say, for example), say why in “Why categories do not add up” on the total's",
        "   row. Leave every category empty if there is no breakdown for that period.",
    ]
    for line in lines:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 100
    guide.protection.sheet = True


def _validation_add(sheet, rows: list[list]) -> None:
    """Excel refuses a text, negative or (for percentages) over-100 value as it is typed."""
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
    percent.error = "A percentage: a number from 0 to 100."
    other = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    other.error = "A number, 0 or more."
    note = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="500")
    note.error = "At most 500 characters."
    story = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="1000")
    story.error = "At most 1,000 characters."
    counts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    counts.error = "A count, 0 or more."
    ranges = {percent: [], other: []}
    value = column_letter("Value")
    unit_percent, kpi_at, unit_at = KPI.Unit.PERCENT.label, 0, COLUMNS.index("Unit")
    # Rows of one KPI are consecutive: one range per KPI keeps the file small.
    first = 2
    for number in range(2, len(rows) + 2):
        row = rows[number - 2]
        last_of_kpi = number == len(rows) + 1 or rows[number - 1][kpi_at] != row[kpi_at]
        if last_of_kpi:
            target = percent if row[unit_at].startswith(unit_percent) else other
            ranges[target].append(f"{value}{first}:{value}{number}")
            first = number + 1
    checks = (percent, other, note, story, counts)
    for validation in checks:
        validation.allow_blank = True
        validation.showErrorMessage = True
        validation.errorTitle = "Not a valid value"
    if rows:
        last = len(rows) + 1
        for validation, names in ((note, ["Note", "Confirm"]), (story, STORY),
                                  (counts, COUNTS)):  # fmt: skip
            for name in names:
                validation.add(f"{column_letter(name)}2:{column_letter(name)}{last}")
    for validation, refs in ranges.items():
        if refs:
            validation.sqref = " ".join(refs)
    for validation in checks:
        if str(validation.sqref):
            sheet.add_data_validation(validation)
