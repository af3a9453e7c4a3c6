"""A Lab's tables as an .xlsx workbook, written in openpyxl's write-only mode so that a
national-scale export keeps memory flat. Every text cell passes through `cell_safe`."""

import datetime as dt
from collections.abc import Callable
from typing import IO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cms.cells import cell_safe
from designlab.models import Borough, Lab
from pilots.exports.tables import lab_tables

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
PROGRESS_EVERY = 1000
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def _cell(sheet, value):
    """A typed cell: dates and times get a date format (spreadsheets have no time zones,
    so a timestamp is shown in the site's local time); text is neutralised."""
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(sheet, value=timezone.localtime(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    # A plain date needs no cell of its own: openpyxl formats dates as yyyy-mm-dd.
    return cell_safe(value)


def lab_workbook_write(
    lab: Lab,
    out: str | IO[bytes],
    *,
    borough: Borough | None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the Lab's workbook to `out` (a path or binary file); return the data rows.
    `progress` is told the rows written so far, every PROGRESS_EVERY rows."""
    workbook = Workbook(write_only=True)
    written = 0
    for table in lab_tables(lab, borough=borough):
        sheet = workbook.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        for column in range(1, len(table.headers) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 18
        header = []
        for title in table.headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        sheet.append(header)
        rows = 0
        for row in table.rows:
            sheet.append([_cell(sheet, v) for v in row])
            rows += 1
            if progress and rows % PROGRESS_EVERY == 0:
                progress(written + rows)
        last = get_column_letter(len(table.headers))
        sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
        written += rows
    workbook.save(out)
    return written
