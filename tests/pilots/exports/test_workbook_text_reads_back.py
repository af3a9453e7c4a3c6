"""The workbook's own SpreadsheetML writer: any text an officer typed reads back in
openpyxl as typed (markup characters escaped, spaces kept, characters XML cannot hold
dropped), formula-like text neutralised in every sheet, and the Readings sheet holds the
same rows as the Readings CSV."""

import csv
import datetime as dt
import io
import zipfile

from openpyxl import load_workbook

from pilots.exports.csv_lines import table_csv_written
from pilots.exports.workbook import lab_workbook_write
from pilots.models import KPIReading

TYPED = {
    "<b>Tom & Jerry</b> > 'quoted' \"double\"": "<b>Tom & Jerry</b> > 'quoted' \"double\"",
    "  leading and trailing  ": "  leading and trailing  ",
    "line one\nline two": "line one\nline two",
    "bell\x07 and form feed\x0c gone": "bell and form feed gone",
    '=HYPERLINK("https://evil.example")': '\'=HYPERLINK("https://evil.example")',
    "@SUM(A1)": "'@SUM(A1)",
    "-": "'-",
    "Café – naïve ✓ £12": "Café – naïve ✓ £12",
}


def _workbook_bytes(lab, borough=None) -> bytes:
    out = io.BytesIO()
    lab_workbook_write(lab, out, borough=borough)
    return out.getvalue()


def test_typed_text_reads_back_as_typed(lab):
    readings = list(KPIReading.objects.filter(kpi__pilot__lab=lab, kpi__pilot__live=True))
    for reading, note in zip(readings, TYPED, strict=False):
        reading.note = note
    KPIReading.objects.bulk_update(readings, ["note"])

    sheet = load_workbook(io.BytesIO(_workbook_bytes(lab)))["Readings"]
    rows = list(sheet.iter_rows(values_only=True))
    note = rows[0].index("Note")
    notes = {row[note] for row in rows[1:]}

    assert set(TYPED.values()) <= notes


def test_no_sheet_holds_a_formula_or_unescaped_text(lab, barnet_pilot):
    barnet_pilot.key_lesson = "+cmd|' /C calc'!A0"
    barnet_pilot.title = "=1+1"
    barnet_pilot.save_revision().publish()

    workbook = load_workbook(io.BytesIO(_workbook_bytes(lab)))

    texts = [
        cell.value
        for sheet in workbook
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert "'+cmd|' /C calc'!A0" in texts and "'=1+1" in texts
    assert not any(text.startswith(("=", "+", "-", "@", "\t", "\r")) for text in texts)
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet for cell in row)


def test_the_readings_sheet_holds_the_csvs_rows(lab):
    sheet = load_workbook(io.BytesIO(_workbook_bytes(lab)))["Readings"]
    text = "".join(table_csv_written(lab, "readings", borough=None)).removeprefix("\ufeff")
    from_csv = list(csv.reader(io.StringIO(text, newline="")))

    def shown(value) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    from_sheet = [[shown(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert len(from_sheet) == len(from_csv) > 1
    assert from_sheet == from_csv


def test_the_file_is_a_plain_spreadsheet_package(lab):
    with zipfile.ZipFile(io.BytesIO(_workbook_bytes(lab))) as archive:
        names = set(archive.namelist())
        assert archive.testzip() is None

    assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml"} <= names
    assert {f"xl/worksheets/sheet{i}.xml" for i in range(1, 7)} <= names
