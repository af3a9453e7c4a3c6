"""On PostgreSQL the Readings CSV is written by the database (COPY … TO STDOUT), byte for
byte what Python's csv module writes from the same rows: formula-like text neutralised,
quotes, commas and line breaks quoted, empty text and None alike, for a convenor (every
borough) and an officer (their own borough only)."""

import csv
import io
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.access.scoping import user_borough
from pilots.exports.csv_lines import table_csv_copied, table_csv_lines, table_csv_written
from pilots.models import KPIReading

NOTES = [
    "=1+1", "+44 20 7946 0000", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd", "-", "'=quoted",
    'He said "yes", then left', "line one\nline two", "line one\r\nline two", "",
    " =1+1", "Café – naïve ✓ £12", "a,b", "\\.", "NULL",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's; SQLite writes every CSV in Python")


@pytest.fixture
def tricky_notes(lab):
    readings = list(
        KPIReading.objects.filter(kpi__pilot__lab=lab, kpi__pilot__live=True).order_by("pk")
    )
    assert len(readings) >= len(NOTES)
    for reading, note in zip(readings, itertools.cycle(NOTES), strict=False):
        reading.note = note
    KPIReading.objects.bulk_update(readings, ["note"])
    return readings


def _text(lines) -> str:
    return "".join(lines)


def test_the_database_writes_what_python_writes(lab, tricky_notes):
    copied = _text(table_csv_copied(lab, "readings", borough=None))

    assert copied == _text(table_csv_written(lab, "readings", borough=None))
    rows = list(csv.reader(io.StringIO(copied.removeprefix("\ufeff"), newline="")))
    notes = {row[8] for row in rows[1:]}
    assert {"'=1+1", "'+44 20 7946 0000", "'-2", "'@SUM(A1)", "'\t=cmd", "'\r=cmd"} <= notes
    assert {"line one\nline two", 'He said "yes", then left', "Café – naïve ✓ £12"} <= notes
    assert not any(note.startswith(("=", "+", "-", "@", "\t", "\r")) for note in notes)


def test_an_officers_csv_from_the_database_holds_only_their_borough(
    lab, tricky_notes, barnet_officer
):
    barnet = user_borough(barnet_officer)
    copied = _text(table_csv_copied(lab, "readings", borough=barnet))

    assert copied == _text(table_csv_written(lab, "readings", borough=barnet))
    rows = list(csv.reader(io.StringIO(copied.removeprefix("\ufeff"), newline="")))
    assert len(rows) > 1 and {row[3] for row in rows[1:]} == {"Barnet"}


def test_the_readings_download_is_copied(lab):
    with CaptureQueriesContext(connection) as queries:
        lines = list(table_csv_lines(lab, "readings", borough=None))

    assert any(q["sql"].startswith("COPY (SELECT") for q in queries.captured_queries)
    assert lines[0].startswith("\ufeffReading ID,KPI ID,")
    assert all(line.endswith("\r\n") for line in lines)
