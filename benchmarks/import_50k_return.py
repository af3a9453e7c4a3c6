"""Import a generated 50,000-reading KPI return and print the time and peak memory.

    .venv/bin/python benchmarks/import_50k_return.py

Uses its own SQLite database in /tmp unless DATABASE_URL is set (give a scratch
database: it is migrated and written to). A borough's pilot gets 1,000 monthly KPIs over
50 months; the filled return (.xlsx) has one row per KPI and month. The import runs the
same code as the upload view's task: upload check, reading, validation, one transaction.
Target: under 30 s on a 2-core machine.
"""

import datetime as dt
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/designlab_bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="designlab_bench_media"))

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from designlab.models import Borough  # noqa: E402
from pilots.models import KPI, KPIReading, Pilot  # noqa: E402
from pilots.returns.imports import import_kpi_return, return_upload_create  # noqa: E402
from pilots.returns.layout import COLUMNS, DATA_SHEET  # noqa: E402
from pilots.returns.template import return_template_write  # noqa: E402
from pilots.seed.lab_2023 import load_asylum_welcome_2023  # noqa: E402

KPIS, MONTHS = 1_000, 50
START = dt.date(2021, 1, 1)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def months() -> list[dt.date]:
    return [dt.date(START.year + (START.month - 1 + i) // 12, (START.month - 1 + i) % 12 + 1, 1)
            for i in range(MONTHS)]  # fmt: skip


def bench_pilot() -> Pilot:
    borough = Borough.objects.get(slug="barnet")
    pilot = Pilot.objects.filter(borough=borough).first()
    pilot.actual_start = pilot.planned_start = START
    pilot.actual_end = pilot.planned_end = months()[-1] + dt.timedelta(days=27)
    pilot.save()
    KPIReading.objects.filter(kpi__pilot__borough=borough).delete()
    KPI.objects.filter(pilot__borough=borough).delete()
    KPI.objects.bulk_create(
        KPI(pilot=pilot, name=f"Benchmark KPI {i}",
            unit=KPI.Unit.PERCENT if i % 2 else KPI.Unit.COUNT,
            frequency=KPI.Frequency.MONTHLY, baseline=0, target=100, sort_order=i)
        for i in range(KPIS)
    )  # fmt: skip
    return pilot


def filled_return(pilot: Pilot) -> bytes:
    """The return as an officer would upload it, written quickly (write-only mode)."""
    book = Workbook(write_only=True)
    book.create_sheet("Instructions").append(["Benchmark return"])
    sheet = book.create_sheet(DATA_SHEET)
    sheet.append(COLUMNS)
    for n, kpi in enumerate(pilot.kpis.order_by("sort_order")):
        for m, start in enumerate(months()):
            note = "benchmark" if m % 10 == 0 else None
            sheet.append([kpi.pk, pilot.title, kpi.name, kpi.get_unit_display(), "Monthly",
                          start, "", 50 + (n * 7 + m) % 40, note])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    print("Preparing the database ...", flush=True)
    call_command("migrate", verbosity=0)
    load_asylum_welcome_2023()
    pilot = bench_pilot()
    content = filled_return(pilot)
    print(f"Return: {KPIS * MONTHS:,} readings, {len(content) / 1e6:.1f} MB .xlsx", flush=True)

    rss_before = peak_mb()
    started = time.perf_counter()
    upload = return_upload_create(
        borough=pilot.borough, file=SimpleUploadedFile("bench.xlsx", content)
    )
    upload = import_kpi_return(upload.pk)
    elapsed = time.perf_counter() - started
    assert upload.status == "done", upload.problems[:5]
    print(f"Import: {elapsed:.1f} s, {upload.created:,} readings created; "
          f"peak RSS {peak_mb():.0f} MB (before import {rss_before:.0f} MB)")  # fmt: skip

    started = time.perf_counter()
    again = import_kpi_return(
        return_upload_create(borough=pilot.borough, file=SimpleUploadedFile("b.xlsx", content)).pk
    )
    print(f"Same file again: {time.perf_counter() - started:.1f} s, "
          f"{again.unchanged:,} unchanged, {again.created + again.updated} changed")  # fmt: skip

    started = time.perf_counter()
    rows = return_template_write(pilot.borough, io.BytesIO(), today=dt.date.today())
    print(f"Template for {rows:,} rows: {time.perf_counter() - started:.1f} s; "
          f"peak RSS {peak_mb():.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
