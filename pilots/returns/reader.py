"""Reading a filled-in return back as plain rows.

Returns are read with python-calamine, about twenty times faster than openpyxl's read-only
mode (benchmarks/import_100k_return.py), after `cms.uploads.upload_check` has refused
oversized files, disguised files and zip bombs, and after the sheet's raw XML has been
scanned in chunks for formulas and rows past the limit, so calamine never parses a sheet
too large to be a return.
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

from pilots.returns.layout import DATA_SHEET, MAX_CELL, MAX_PROBLEMS, MAX_ROWS

NOT_A_SPREADSHEET = (
    "This file is not a valid spreadsheet. Save it as .xlsx or CSV UTF-8 and upload it again."
)
FORMULA = re.compile(rb"<(?:\w{1,20}:)?f[\s>/]")
FORMULA_CELL = (
    "This cell holds a formula. Returns must hold values only: copy the cells and paste "
    "them as values, then upload again."
)
FORMULA_SHEET = FORMULA_CELL.replace("This cell", "This sheet")
ROW = re.compile(rb"<(?:\w{1,20}:)?row[\s>/]")
UNPREFIXED_ROW, UNPREFIXED_FORMULA = re.compile(rb"<row[\s>/]"), re.compile(rb"<f[\s>/]")
PREFIXED = re.compile(rb"xmlns:\w+\s*=\s*[\"'][^\"']*spreadsheetml")
CHUNK, OVERLAP = 1 << 20, 4096
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
    total: int | None = None  # rows below the header, as counted before reading


def return_sheet_read(file, kind: str) -> Sheet:
    """The data sheet of an .xlsx or .csv return, its rows read as they are checked.
    Raises FileRefused when the file cannot be read, holds formulas or has more rows
    than a return may hold. `file` has passed `upload_check` and is at its start."""
    if kind == "csv":
        return _csv_read(file)
    name, counted = _workbook_scan(file)
    file.seek(0)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(file)
        data = book.get_sheet_by_name(name)
        rows = data.iter_rows()
        # Rows begin at the first column holding anything: pad them back to column A, so
        # that problems name the columns the officer sees.
        if data.start and data.start[1]:
            rows = ([""] * data.start[1] + row for row in rows)
        first = next(rows, None)
    except (python_calamine.CalamineError, ValueError, IndexError, OSError):
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if first is None:
        raise FileRefused([problem("The sheet is empty.", sheet=name)])
    header = [str(cell).strip() for cell in first]
    return Sheet(name, header, enumerate(_let_go(rows), start=2), max(counted - 1, 0))


def _let_go(rows: Iterator[list]) -> Iterator[list]:
    """`rows`, let go of once the last is read: calamine holds every cell of the sheet
    (some 60 MB for 100,000 rows) until its row iterator is freed, and the check goes on
    working after the last row."""
    yield from rows


def _csv_read(file) -> Sheet:
    """Two passes over the file, neither holding it whole: the first counts the rows and
    finds formulas, the second yields the rows to check."""
    problems, header, number = [], None, 0
    try:
        for number, row in _csv_rows(file):  # noqa: B007 (the last number is the count)
            if number == 1:
                header = [cell.strip() for cell in row]
            if number > MAX_ROWS + 1:
                raise FileRefused([too_many_rows(sheet="")])
            problems += [
                problem(
                    f"“{cell[:40]}” is a formula. Returns must hold values only: paste the "
                    "values and upload again.",
                    row=number,
                    column=column_name(header, col),
                )
                for col, cell in enumerate(row)
                if cell.startswith("=")
            ]
            if len(problems) >= MAX_PROBLEMS:
                problems.append(checking_stopped())
                break
    except UnicodeDecodeError:
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if header is None:
        raise FileRefused([problem("The file is empty.")])
    if problems:
        raise FileRefused(problems)
    file.seek(0)
    rows = _csv_rows(file)
    next(rows)
    return Sheet("", header, rows, number - 1)


def _csv_rows(file) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered from 1. A field longer than the csv module allows is refused with a
    message that says so, not as an unreadable file."""
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise FileRefused([cell_too_long(row=reader.line_num)]) from None
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    finally:
        if not text.closed:  # left unfinished, the rows may outlive the file
            text.detach()


def too_many_rows(*, sheet: str) -> dict:
    return problem(
        f"The file has more than {MAX_ROWS:,} rows, the most a return can hold. Split it into "
        f"files of up to {MAX_ROWS:,} rows each and upload them one after another.",
        sheet=sheet,
    )


def checking_stopped() -> dict:
    return problem(
        f"Checking stopped at {MAX_PROBLEMS} problems. Correct these and upload the file "
        "again to see any others."
    )


def cell_too_long(*, row: int | None, column: str = "", sheet: str = "") -> dict:
    where = "This cell" if column else "A cell on this row"
    return problem(
        f"{where} is too long: a cell of a return can hold at most {MAX_CELL:,} characters "
        "(a note at most 500).",
        sheet=sheet,
        row=row,
        column=column,
    )


def _workbook_scan(file) -> tuple[str, int]:
    """Refuse a workbook with formulas, and one whose data sheet has more rows than a
    return may hold, before any sheet is parsed; returns the data sheet's name and its
    rows counted (with the header).

    Formulas: their cached values may be stale or absent, and a return must hold what the
    officer typed. The raw XML is read in chunks and never expanded, so a huge sheet costs
    time in proportion to its size but no more memory than a chunk."""
    found, limit_passed, counted = {}, None, 0
    try:
        with zipfile.ZipFile(file) as archive:
            names = _sheet_names(archive)
            if not names:
                raise KeyError("no sheets")
            data_sheet = DATA_SHEET if DATA_SHEET in names.values() else next(iter(names.values()))
            for path, sheet in names.items():
                stop = MAX_ROWS + 1 if sheet == data_sheet else None
                rows, formula = _sheet_xml_scan(archive, path, sheet, found, stop_after=stop)
                if stop:
                    counted = rows
                    limit_passed = sheet if rows > stop else None
                if formula and not any(p["sheet"] == sheet for p in found.values()):
                    found[(sheet, 0, "")] = problem(FORMULA_SHEET, sheet=sheet)
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError, OSError):
        raise FileRefused([problem(NOT_A_SPREADSHEET)]) from None
    if limit_passed is not None:
        raise FileRefused([too_many_rows(sheet=limit_passed)])
    if found:
        raise FileRefused(list(found.values()))
    return data_sheet, counted


def _sheet_xml_scan(
    archive: zipfile.ZipFile, path: str, sheet: str, found: dict, *, stop_after: int | None
) -> tuple[int, bool]:
    """(rows counted, whether a formula was seen) for one worksheet, stopping once the rows
    pass `stop_after`; cells with formulas go into `found` (50 at most)."""
    rows, formula, buffer, start = 0, False, b"", 0
    with archive.open(path) as part:
        while True:
            chunk = part.read(CHUNK)
            if not buffer:
                row_tag, formula_tag = _tag_patterns(chunk)
            buffer += chunk
            # Up to the last tag begun: every tag before it is whole. The next round starts
            # there, keeping some bytes before it for a cell with a formula that straddles.
            cut = buffer.rfind(b"<") if chunk else len(buffer)
            cut = max(cut, start)
            rows += len(row_tag.findall(buffer, start, cut))
            if formula_tag.search(buffer, start, cut):
                formula = True
                for m in CELL_WITH_FORMULA.finditer(buffer):
                    if len(found) < 50:
                        letters, row = m.group(1).decode(), int(m.group(2))
                        found[(sheet, row, letters)] = problem(
                            FORMULA_CELL, sheet=sheet, row=row, column=letters
                        )
            if not chunk or (stop_after and rows > stop_after):
                return rows, formula
            keep = max(0, cut - OVERLAP)
            buffer, start = buffer[keep:], cut - keep


def _tag_patterns(head: bytes) -> tuple[re.Pattern, re.Pattern]:
    """Patterns for a row's and a formula's start tag in a sheet beginning with `head`.
    Almost every sheet writes its elements without a namespace prefix, and the patterns
    without one search five times faster."""
    if PREFIXED.search(head):
        return ROW, FORMULA
    return UNPREFIXED_ROW, UNPREFIXED_FORMULA


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
