"""Spreadsheet returns as files: the template officers download, and reading a filled-in
return back as plain rows. Checking the rows and recording readings is in
`pilots.returns_import`.

The template is written with openpyxl in normal mode because locked headers and cell
validation need it; a borough's template is small. Returns are read with python-calamine,
about twenty times faster than openpyxl, after `cms.uploads.upload_check` has refused
oversized files, disguised files and zip bombs.
"""

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import python_calamine
from defusedxml import ElementTree
from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from cms.cells import cell_safe
from designlab.models import Borough
from pilots.models import KPI, KPIReading, Pilot
from pilots.periods import kpi_due_periods, period_label

DATA_SHEET = "Return"
COLUMNS = ["KPI ID", "Pilot", "KPI", "Unit", "Frequency", "Period start", "Period", "Value", "Note"]
REQUIRED = ["KPI ID", "Period start", "Value"]
OPTIONAL = ["Note"]
KINDS = {"xlsx", "csv"}
MAX_BYTES = 25 * 1024 * 1024  # a 50,000-reading return is about 2 MB as .xlsx
NOT_A_SPREADSHEET = (
    "This file is not a valid spreadsheet. Save it as .xlsx or CSV UTF-8 and upload it again."
)
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
FORMULA_CELL = (
    "This cell holds a formula. Returns must hold values only: copy the cells and paste "
    "them as values, then upload again."
)
FORMULA_SHEET = FORMULA_CELL.replace("This cell", "This sheet")
# Cell references are optional in the file format: without them the sheet is refused whole.
CELL_WITH_FORMULA = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?f[\s>/]', re.S
)


class FileRefused(Exception):
    """The file as a whole cannot be read; `problems` say why, in plain words."""

    def __init__(self, problems: list[dict]):
        super().__init__(problems[0]["message"])
        self.problems = problems


def problem(message: str, *, sheet: str = "", row: int | None = None, column: str = "") -> dict:
    return {"sheet": sheet, "row": row, "column": column, "message": message}


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: Iterator[tuple[int, list]]  # (row number as the officer sees it, cells)


# Writing the template ------------------------------------------------------------------


def template_rows(borough: Borough, today: dt.date) -> list[list]:
    """One row per KPI and due period of the borough's started pilots, with the reading
    already recorded (if any), so a return can be corrected and uploaded again."""
    # A stable order, so row numbers in problems mean the same on every database.
    pilots = (
        Pilot.objects.filter(borough=borough, actual_start__isnull=False)
        .order_by("title", "pk")
        .prefetch_related(Prefetch("kpis", KPI.objects.order_by("sort_order", "pk")))
    )
    recorded = {
        (r.kpi_id, r.period_start): r
        for r in KPIReading.objects.filter(kpi__pilot__borough=borough).only(
            "kpi_id", "period_start", "value", "note"
        )
    }
    rows = []
    for pilot in pilots:
        for kpi in pilot.kpis.all():
            for start in kpi_due_periods(kpi, pilot, today):
                reading = recorded.get((kpi.pk, start))
                rows.append(
                    [
                        kpi.pk,
                        cell_safe(pilot.title),
                        cell_safe(kpi.name),
                        kpi.get_unit_display(),
                        kpi.get_frequency_display(),
                        start,
                        period_label(start, kpi.frequency),
                        reading.value if reading else None,
                        cell_safe(reading.note) if reading else None,
                    ]
                )
    return rows


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
    value_col, note_col = COLUMNS.index("Value") + 1, COLUMNS.index("Note") + 1
    for number, row in enumerate(rows, start=2):
        sheet.append(row)
        sheet.cell(number, COLUMNS.index("Period start") + 1).number_format = "yyyy-mm-dd"
        sheet.cell(number, value_col).protection = unlocked
        sheet.cell(number, value_col).number_format = "0.00"
        sheet.cell(number, note_col).protection = unlocked
    _validation_add(sheet, rows)
    for letter, width in zip("ABCDEFGHI", (8, 40, 40, 18, 11, 12, 22, 12, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    # Locked cells keep the identifying columns and the header intact; the officer can
    # still sort, filter and resize. There is no password: this guards against slips.
    sheet.protection.sheet = True
    sheet.protection.sort = False
    sheet.protection.autoFilter = False
    sheet.protection.formatColumns = False
    sheet.auto_filter.ref = f"A1:I{max(len(rows) + 1, 2)}"
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
        "4. Do not change the other columns, add formulas or rename the sheet.",
        "5. Upload the file in the Design Lab admin (KPI returns → Upload return).",
        "   The whole file is checked first: if anything is wrong nothing is recorded and",
        "   each problem is listed by row and column. Uploading the same file again",
        "   changes nothing; a corrected value replaces the old one, which is kept in the",
        "   reading's history.",
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
    ranges = {percent: [], other: []}
    unit_percent = KPI.Unit.PERCENT.label
    # Rows of one KPI are consecutive: one range per KPI keeps the file small.
    first = 2
    for number in range(2, len(rows) + 2):
        row = rows[number - 2]
        last_of_kpi = number == len(rows) + 1 or rows[number - 1][0] != row[0]
        if last_of_kpi:
            target = percent if row[3] == unit_percent else other
            ranges[target].append(f"H{first}:H{number}")
            first = number + 1
    for validation in (percent, other, note):
        validation.allow_blank = True
        validation.showErrorMessage = True
        validation.errorTitle = "Not a valid value"
    if rows:
        note.add(f"I2:I{len(rows) + 1}")
    for validation, refs in ranges.items():
        if refs:
            validation.sqref = " ".join(refs)
    for validation in (percent, other, note):
        if str(validation.sqref):
            sheet.add_data_validation(validation)


# Reading a return ----------------------------------------------------------------------


def return_sheet_read(file, kind: str) -> Sheet:
    """The data sheet of an .xlsx or .csv return. Raises FileRefused when the file cannot be
    read or holds formulas. `file` has passed `upload_check` and is at its start."""
    if kind == "csv":
        return _csv_read(file)
    _formulas_refuse(file)
    file.seek(0)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(file)
        name = DATA_SHEET if DATA_SHEET in book.sheet_names else book.sheet_names[0]
        cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, ValueError, IndexError, OSError):
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if not cells:
        raise FileRefused([problem("The sheet is empty.", sheet=name)])
    header = [str(cell).strip() for cell in cells[0]]
    return Sheet(name, header, ((n, row) for n, row in enumerate(cells[1:], start=2)))


def _csv_read(file) -> Sheet:
    try:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        rows = list(csv.reader(text))
        text.detach()
    except (UnicodeDecodeError, csv.Error):
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if not rows:
        raise FileRefused([problem("The file is empty.")])
    header = [cell.strip() for cell in rows[0]]
    problems = [
        problem(
            f"“{cell[:40]}” is a formula. Returns must hold values only: paste the values "
            "and upload again.",
            row=number,
            column=_column_name(header, col),
        )
        for number, row in enumerate(rows, start=1)
        for col, cell in enumerate(row)
        if cell.startswith("=")
    ]
    if problems:
        raise FileRefused(problems)
    return Sheet("", header, ((n, row) for n, row in enumerate(rows[1:], start=2)))


def _formulas_refuse(file) -> None:
    """Refuse a workbook with formulas: their cached values may be stale or absent, and a
    return must hold what the officer typed. Scans the raw XML, which is never expanded."""
    found = []
    try:
        with zipfile.ZipFile(file) as archive:
            names = _sheet_names(archive)
            for path, sheet in names.items():
                data = archive.read(path)
                if FORMULA.search(data):
                    cells = CELL_WITH_FORMULA.findall(data)[:50]
                    found += [
                        problem(FORMULA_CELL, sheet=sheet, row=int(row), column=letters.decode())
                        for letters, row in cells
                    ] or [problem(FORMULA_SHEET, sheet=sheet)]
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError):
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if found:
        raise FileRefused(found)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each worksheet's path in the archive to its name. defusedxml refuses entity
    tricks (billion laughs) with a ValueError."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("p:Relationship", ns)}
    names = {}
    for sheet in book.iterfind("m:sheets/m:sheet", ns):
        target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        names[path] = sheet.get("name")
    return names


def _column_name(header: list[str], index: int) -> str:
    letter = _column_letter(index)
    title = header[index] if index < len(header) and header[index] else ""
    return f"{title} ({letter})" if title else letter


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
