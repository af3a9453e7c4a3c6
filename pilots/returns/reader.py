"""Reading a filled-in return back as plain rows.

Returns are read with python-calamine, about twenty times faster than openpyxl, after
`cms.uploads.upload_check` has refused oversized files, disguised files and zip bombs.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import python_calamine
from defusedxml import ElementTree
from openpyxl.utils import get_column_letter

from pilots.returns.layout import DATA_SHEET

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
    """The return is refused whole; `problems` say why, in plain words, each by sheet, row
    and column where it has them."""

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
            column=column_name(header, col),
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


def column_name(header: list[str], index: int) -> str:
    """How a problem names column `index` (0-based): its title and letter, e.g. "Value (H)"."""
    letter = get_column_letter(index + 1)
    title = header[index] if index < len(header) and header[index] else ""
    return f"{title} ({letter})" if title else letter
