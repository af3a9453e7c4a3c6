"""An import costs the same number of queries whatever the size of the return: KPIs,
periods and recorded readings are looked up in bulk, and readings written in batches."""

import csv
import io
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import KPI
from pilots.returns.imports import import_kpi_return, return_upload_create
from tests.pilots.returns.returns_helpers import upload

PERIODS = ["2023-07-01", "2023-08-01", "2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01"]


def kpis(pilot, count: int) -> list[KPI]:
    return KPI.objects.bulk_create(
        KPI(pilot=pilot, name=f"KPI {i}", unit=KPI.Unit.COUNT, frequency=KPI.Frequency.MONTHLY,
            baseline=Decimal(0), target=Decimal(10), sort_order=100 + i)
        for i in range(count)
    )  # fmt: skip


def return_csv(kpis: list[KPI], value: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["KPI ID", "Period start", "Value", "Note"])
    writer.writerows([k.pk, p, value, "n"] for k in kpis for p in PERIODS)
    return out.getvalue().encode()


def import_queries(borough, content: bytes) -> tuple[int, object]:
    stored = return_upload_create(borough=borough, file=upload(content, "return.csv"))
    with CaptureQueriesContext(connection) as queries:
        done = import_kpi_return(stored.pk)
    assert done.status == "done", done.problems
    return len(queries), done


def test_query_count_does_not_grow_with_rows(barnet_pilot):
    """New readings and an unchanged file: the same queries for 12 rows as for 84. The
    revisions of corrections and the audit log's "submitted" entries go through Django's
    bulk_create, in batches bounded by the database's parameter limit (about 90 log entries
    a query on SQLite): the same count up to that, one more query per batch beyond."""
    warm = kpis(barnet_pilot, 1)
    sizes = {"small": kpis(barnet_pilot, 2), "medium": kpis(barnet_pilot, 8)}
    sizes["large"] = kpis(barnet_pilot, 14)
    for value in (1, 2):  # fills Django's caches (content types), as a running site has
        import_queries(barnet_pilot.borough, return_csv(warm, value))
    counts = {}
    for name, group in sizes.items():
        rows = len(group) * len(PERIODS)
        counts[name, "new"], done = import_queries(barnet_pilot.borough, return_csv(group, 1))
        assert done.created == rows
        counts[name, "corrected"], done = import_queries(barnet_pilot.borough, return_csv(group, 2))
        assert done.updated == rows
        counts[name, "same"], done = import_queries(barnet_pilot.borough, return_csv(group, 2))
        assert done.unchanged == rows
    for kind in ("new", "same"):
        assert counts["small", kind] == counts["medium", kind] == counts["large", kind], counts
    assert counts["small", "corrected"] == counts["medium", "corrected"], counts
