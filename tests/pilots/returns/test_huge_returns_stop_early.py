"""A huge return costs little: reading stops at the row limit stated in the template and
at 200 problems, each with a message naming the limit; an over-long cell is refused as
too long, not as an unreadable file. Files are written for real (openpyxl, csv)."""

import csv
import datetime as dt
import io
import random
import string
import zipfile

import openpyxl
from openpyxl import Workbook

from pilots.returns.layout import MAX_CELL, MAX_PROBLEMS, MAX_ROWS
from tests.pilots.returns.returns_helpers import database_state, import_bytes, template_book

ROW_LIMIT = f"more than {MAX_ROWS:,} rows, the most a return can hold"


def csv_bytes(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["KPI ID", "Period start", "Value", "Note"])
    writer.writerows(rows)
    return out.getvalue().encode()


def refused_messages(borough, content: bytes, name: str) -> list[str]:
    before = database_state()
    upload = import_bytes(borough, content, name)
    assert upload.status == "refused"
    assert database_state() == before
    return [p["message"] for p in upload.problems]


def test_the_template_states_the_row_limit(barnet_pilot):
    guide = template_book(barnet_pilot.borough)["Instructions"]
    text = " ".join(str(row[0].value or "") for row in guide.iter_rows())
    assert f"at most {MAX_ROWS:,} rows" in text and f"{MAX_PROBLEMS} problems" in text


def test_an_xlsx_past_the_row_limit_is_refused_naming_the_limit(barnet_pilot, barnet_monthly_kpi):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Return")
    sheet.append(["KPI ID", "Period start", "Value"])
    for _ in range(MAX_ROWS + 1):
        sheet.append([barnet_monthly_kpi.pk, dt.date(2023, 7, 1), 5])
    buffer = io.BytesIO()
    book.save(buffer)
    [message] = refused_messages(barnet_pilot.borough, buffer.getvalue(), "return.xlsx")
    assert ROW_LIMIT in message and "Split it" in message


def test_a_csv_past_the_row_limit_is_refused_naming_the_limit(barnet_pilot, barnet_monthly_kpi):
    rows = [[barnet_monthly_kpi.pk, "2023-07-01", 5, ""]] * (MAX_ROWS + 1)
    [message] = refused_messages(barnet_pilot.borough, csv_bytes(rows), "return.csv")
    assert ROW_LIMIT in message


def test_checking_stops_at_200_problems_and_says_so(barnet_pilot, barnet_monthly_kpi):
    rows = [[barnet_monthly_kpi.pk, "2023-07-01", "lots", ""]] * (MAX_PROBLEMS + 300)
    messages = refused_messages(barnet_pilot.borough, csv_bytes(rows), "return.csv")
    assert len(messages) == MAX_PROBLEMS + 1
    assert messages[-1] == (
        f"Checking stopped at {MAX_PROBLEMS} problems. Correct these and upload the file "
        "again to see any others."
    )


def test_a_10_mb_cell_in_a_csv_is_refused_as_too_long(barnet_pilot, barnet_monthly_kpi):
    rows = [[barnet_monthly_kpi.pk, "2023-07-01", 5, "x" * 10_000_000]]
    [message] = refused_messages(barnet_pilot.borough, csv_bytes(rows), "return.csv")
    assert "is too long" in message and f"at most {MAX_CELL:,} characters" in message
    assert "not a valid spreadsheet" not in message


def test_a_10_mb_cell_in_an_xlsx_is_refused_as_too_long(barnet_pilot, barnet_monthly_kpi):
    """openpyxl cuts a cell at Excel's limit when writing, so the long text is put into the
    file it wrote afterwards, as a program that ignores the limit would write it."""
    book = template_book(barnet_pilot.borough)
    sheet = book["Return"]
    sheet["H2"], sheet["C2"] = 5, "PLACEHOLDER"
    buffer = io.BytesIO()
    book.save(buffer)
    # Text that does not compress a thousand to one, or it would be refused as a zip bomb.
    text = "".join(random.Random(1).choices(string.ascii_letters, k=10_000_000))
    long = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(long, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename).replace(b"PLACEHOLDER", text.encode())
            out.writestr(item, data)
    assert len(openpyxl.load_workbook(long, read_only=True)["Return"]["C2"].value) == 10_000_000
    upload = import_bytes(barnet_pilot.borough, long.getvalue())
    assert upload.status == "refused"
    [problem] = upload.problems
    assert (problem["sheet"], problem["row"], problem["column"]) == ("Return", 2, "KPI (C)")
    assert problem["message"].startswith("This cell is too long")
