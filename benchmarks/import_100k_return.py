"""Import a 100,000-reading KPI return, upload to "done", beside the time pandas + openpyxl
take only to read the same file (the reference). Prints each figure, the reference and the
goal, and the import's peak memory.

    .venv/bin/python benchmarks/import_100k_return.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python benchmarks/...

Uses its own SQLite database in /tmp unless DATABASE_URL is set (give a scratch database:
it is migrated and written to). A borough's pilot gets 2,000 monthly KPIs over 50 months;
the filled return (.xlsx) has one row per KPI and month. The import runs the same code as
the upload view's task (upload check, reading, validation, one transaction), each run in
a fresh child process so its peak resident memory is its own. Goals (issue 14.1): at most
0.3 × the reference, the same file again as fast, peak memory under 300 MB.
"""

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/designlab_bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="designlab_bench_media"))

KPIS, MONTHS = 2_000, 50
START = dt.date(2019, 1, 1)
RATIO_GOAL, MEMORY_GOAL_MB = 0.3, 300


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def months() -> list[dt.date]:
    return [dt.date(START.year + (START.month - 1 + i) // 12, (START.month - 1 + i) % 12 + 1, 1)
            for i in range(MONTHS)]  # fmt: skip


def child_reference(path: str) -> dict:
    """pandas + openpyxl reading the data sheet: nothing else."""
    import pandas

    started = time.perf_counter()
    frame = pandas.read_excel(path, sheet_name="Return", engine="openpyxl")
    return {"seconds": time.perf_counter() - started, "rows": len(frame)}


def child_import(path: str) -> dict:
    import django

    django.setup()
    from django.core.files import File

    from designlab.models import Borough
    from pilots.returns.imports import import_kpi_return, return_upload_create

    borough = Borough.objects.get(slug="barnet")
    before = peak_mb()
    started = time.perf_counter()
    with open(path, "rb") as handle:
        upload = return_upload_create(borough=borough, file=File(handle, name="bench.xlsx"))
    upload = import_kpi_return(upload.pk)
    seconds = time.perf_counter() - started
    assert upload.status == "done", upload.problems[:5]
    return {
        "seconds": seconds, "created": upload.created, "updated": upload.updated,
        "unchanged": upload.unchanged, "peak_mb": peak_mb(), "before_mb": before,
    }  # fmt: skip


def prepare(path: str) -> int:
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from openpyxl import Workbook
    from wagtail.models import Revision

    from designlab.models import Borough
    from pilots.models import KPI, KPIReading, Pilot, ReturnUpload
    from pilots.returns.layout import COLUMNS, DATA_SHEET
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    call_command("migrate", verbosity=0)
    load_asylum_welcome_2023()
    borough = Borough.objects.get(slug="barnet")
    pilot = Pilot.objects.filter(borough=borough).first()
    pilot.actual_start = pilot.planned_start = START
    pilot.actual_end = pilot.planned_end = months()[-1] + dt.timedelta(days=27)
    pilot.save()
    # A scratch database: raw deletes, without the collector's per-object work.
    readings = KPIReading.objects.filter(kpi__pilot__borough=borough)
    Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(KPIReading),
        object_id__in=[str(pk) for pk in readings.values_list("pk", flat=True)],
    )._raw_delete("default")
    readings._raw_delete("default")
    ReturnUpload.objects.filter(borough=borough).delete()  # once no reading names them
    KPI.objects.filter(pilot__borough=borough).delete()
    KPI.objects.bulk_create(
        KPI(pilot=pilot, name=f"Benchmark KPI {i}",
            unit=KPI.Unit.PERCENT if i % 2 else KPI.Unit.COUNT,
            frequency=KPI.Frequency.MONTHLY, baseline=0, target=100, sort_order=i)
        for i in range(KPIS)
    )  # fmt: skip
    # The return as an officer would upload it, written quickly (write-only mode).
    book = Workbook(write_only=True)
    book.create_sheet("Instructions").append(["Benchmark return"])
    sheet = book.create_sheet(DATA_SHEET)
    sheet.append(COLUMNS)
    for n, kpi in enumerate(pilot.kpis.order_by("sort_order")):
        for m, start in enumerate(months()):
            note = "benchmark" if m % 10 == 0 else None
            sheet.append([kpi.pk, pilot.title, kpi.name, kpi.get_unit_display(), "Monthly",
                          start, "", 50 + (n * 7 + m) % 40, note])  # fmt: skip
    book.save(path)
    return KPIS * MONTHS


def run_child(mode: str, path: str) -> dict:
    out = subprocess.run(  # noqa: S603 (this script, fixed arguments)
        [sys.executable, __file__, f"--{mode}", path], capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--import", dest="import_", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        print(json.dumps(child_reference(args.reference)))
        return
    if args.import_:
        print(json.dumps(child_import(args.import_)))
        return

    from django.db import connection

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "return.xlsx")
        print("Preparing the database and the return ...", flush=True)
        readings = prepare(path)
        vendor = connection.vendor
        connection.close()
        size = Path(path).stat().st_size / 1e6
        print(f"Return: {readings:,} readings, {size:.1f} MB .xlsx ({vendor})", flush=True)
        reference = run_child("reference", path)
        first = run_child("import", path)
        again = run_child("import", path)

    goal = RATIO_GOAL * reference["seconds"]
    print(f"reference: pandas + openpyxl read the file in {reference['seconds']:.2f} s "
          f"({reference['rows']:,} rows)")  # fmt: skip
    for name, run in (("import", first), ("same file again", again)):
        ratio = run["seconds"] / reference["seconds"]
        verdict = "met" if ratio <= RATIO_GOAL and run["peak_mb"] < MEMORY_GOAL_MB else "NOT met"
        print(
            f"{name}: {run['seconds']:.2f} s = {ratio:.2f} × reference (goal ≤ {RATIO_GOAL} ×, "
            f"{goal:.2f} s); {run['created']:,} created, {run['updated']:,} updated, "
            f"{run['unchanged']:,} unchanged; peak memory {run['peak_mb']:.0f} MB "
            f"(goal < {MEMORY_GOAL_MB} MB; {run['before_mb']:.0f} MB before the import) "
            f"— goal {verdict}"
        )
    assert first["created"] == readings and again["unchanged"] == readings


if __name__ == "__main__":
    main()
