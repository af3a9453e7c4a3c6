"""The KPIs table, read by joins in one query (and on PostgreSQL written by COPY), says what
the pages say of each KPI: its latest period and value, and progress to target by the
period's own target where the trajectory sets one; a KPI without readings has them empty.
Its text is neutralised like every other table's, and COPY writes what Python writes."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.exports.csv_lines import table_csv_copied, table_csv_lines, table_csv_written
from pilots.models import KPI, KPIReading, KPITarget
from tests.pilots.readings.review_helpers import reading_add

CENTS = Decimal("0.01")


def _rows(lines) -> list[dict]:
    text = "".join(lines).removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _figure(value) -> str:
    return "" if value is None else str(value)


@pytest.fixture
def kpis(barnet_pilot):
    """Barnet's KPIs: one per-period KPI with its own target for the latest period, one
    read at a share the database computes as 72.49999999999999, and one never read,
    named like a formula."""
    KPIReading.objects.filter(kpi__pilot=barnet_pilot).delete()
    barnet_pilot.kpis.all().delete()

    def kpi(name: str, **fields) -> KPI:
        return KPI.objects.create(pilot=barnet_pilot, name=name, baseline=Decimal(0), **fields)

    trajectory = kpi("Families housed", target=Decimal(100), kind=KPI.Kind.PER_PERIOD)
    reading_add(trajectory, dt.date(2023, 7, 1), "20")
    reading_add(trajectory, dt.date(2023, 8, 1), "30")
    KPITarget.objects.create(
        pilot=barnet_pilot, kpi=trajectory, period_start=dt.date(2023, 8, 1), target=40
    )
    score = kpi("Wellbeing score", target=Decimal("0.40"), unit=KPI.Unit.SCORE)
    reading_add(score, dt.date(2023, 10, 1), "0.29")
    reading_add(score, dt.date(2023, 7, 1), "0.10")
    kpi("=HYPERLINK(1)", target=Decimal(10))
    return KPI.objects.filter(pilot=barnet_pilot)


def test_each_kpi_has_what_the_pages_show(lab, kpis):
    rows = {row["KPI ID"]: row for row in _rows(table_csv_lines(lab, "kpis", borough=None))}

    for kpi in kpis.with_latest_reading():  # the pages' way, one KPI at a time
        row = rows[str(kpi.pk)]
        progress = kpi.progress_to_target(kpi.latest_value, period_target=kpi.latest_target)
        assert row["Latest period"] == _figure(kpi.latest_period)
        # Two decimals, as the database stores it (SQLite's subquery gives 30 for 30.00).
        assert row["Latest value"] == _figure(kpi.latest_value and kpi.latest_value.quantize(CENTS))
        assert row["Progress to target (%)"] == _figure(progress)
    by_name = {row["KPI"]: row for row in rows.values()}
    assert by_name["Families housed"]["Progress to target (%)"] == "75"  # 30 of 40, not 100
    assert by_name["Wellbeing score"]["Progress to target (%)"] == "73"  # 72.5, halves up
    never = by_name["'=HYPERLINK(1)"]
    assert never["Latest period"] == never["Latest value"] == never["Progress to target (%)"] == ""


def test_the_database_writes_the_kpis_as_python_writes_them(lab, kpis):
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's; SQLite writes every CSV in Python")
    with CaptureQueriesContext(connection) as queries:
        copied = "".join(table_csv_lines(lab, "kpis", borough=None))

    assert any(q["sql"].startswith("COPY (SELECT") for q in queries.captured_queries)
    assert copied == "".join(table_csv_copied(lab, "kpis", borough=None))
    assert copied == "".join(table_csv_written(lab, "kpis", borough=None))


def test_the_kpis_table_is_one_query_however_many_kpis(lab, kpis, barnet_pilot):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _rows(table_csv_lines(lab, "kpis", borough=None))
        return len(captured.captured_queries)

    few = queries()
    for n in range(20):
        reading_add(KPI.objects.create(pilot=barnet_pilot, name=f"KPI {n}"), dt.date(2023, 7, 1), n)
    assert queries() == few
