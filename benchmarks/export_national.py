"""The national export: the Lab workbook and each CSV table of a synthetic national Lab,
with their goals (issue 14.2).

    .venv/bin/python benchmarks/export_national.py            # seeds scale 1 and 0.1 once
    .venv/bin/python benchmarks/export_national.py --reuse    # uses the Labs if they exist

Uses DATABASE_URL like the site (give a scratch database: synthetic Labs are written to
it). The workbook is written by `manage.py export_lab` in a child process so that its peak
resident memory is its own (Linux: VmHWM), at national scale (scale 1: 350 authorities,
840,000 readings) and at a tenth of it, so "memory flat as rows grow" is a ratio of the
two peaks. Reference: openpyxl's write-only mode (the writer before, ~15 µs a cell) on the
same rows at the tenth scale, in the same run. Each CSV table is streamed in this process,
as the download view streams it; a table PostgreSQL writes by COPY is also timed through
Python's csv module (its reference). Goals: workbook ≤ 25 s with peak memory about the same
at both scales; each CSV ≤ 5 s.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

WORKBOOK_GOAL_S, CSV_GOAL_S, MEMORY_GROWTH_GOAL = 25, 5, 1.25
SCALES = {"synthetic-national": 1.0, "synthetic-national-tenth": 0.1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="Use the Labs if they exist.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from designlab.models import Lab
    from pilots.exports.csv_lines import table_csv_lines, table_csv_written
    from pilots.exports.tables import QUERIES, TABLES, lab_tables_size
    from pilots.exports.workbook import lab_workbook_write
    from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed

    labs = {}
    for slug, scale in SCALES.items():
        lab = Lab.objects.filter(slug=slug).first()
        if lab is None or not args.reuse:
            started = time.perf_counter()
            lab = synthetic_seed(Size.national(scale), slug=slug)
            statistics_refresh()
            print(f"seeded {slug} in {time.perf_counter() - started:.0f} s", flush=True)
        labs[slug] = lab
    connection.close()

    peaks = {}
    for slug, lab in labs.items():
        size = lab_tables_size(lab, borough=None)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "lab.xlsx"
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            child = subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
                [sys.executable, "manage.py", "export_lab", lab.slug, "--out", str(out)],
                cwd=ROOT, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            peaks[slug] = _peak_while_running(child) / 1024
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            megabytes = out.stat().st_size / 2**20
        goal = f"goal ≤ {WORKBOOK_GOAL_S} s" if SCALES[slug] == 1 else "for the memory ratio"
        print(
            f"workbook {slug} ({connection.vendor}): {elapsed:.1f} s ({goal}); about {size:,} "
            f"rows, {megabytes:.1f} MiB; peak memory {peaks[slug]:.0f} MiB; its CPU {cpu:.1f} s, "
            f"the machine's load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
    growth = peaks["synthetic-national"] / peaks["synthetic-national-tenth"]
    print(f"workbook memory at 10× the rows: {growth:.2f}× (goal ≤ {MEMORY_GROWTH_GOAL}×, flat)")
    tenth = labs["synthetic-national-tenth"]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        lab_workbook_write(tenth, Path(folder) / "ours.xlsx", borough=None)
        ours = time.perf_counter() - started
        started = time.perf_counter()
        _openpyxl_write(tenth, Path(folder) / "reference.xlsx")
        reference = time.perf_counter() - started
    print(
        f"workbook at the tenth scale, in this process: {ours:.1f} s; reference, openpyxl "
        f"write-only on the same rows: {reference:.1f} s ({reference / ours:.1f}×)"
    )

    lab = labs["synthetic-national"]
    for table in TABLES:
        elapsed, lines, size = _csv_timed(table_csv_lines(lab, table, borough=None))
        verdict = "met" if elapsed <= CSV_GOAL_S else "NOT met"
        how = "COPY" if table in QUERIES and connection.vendor == "postgresql" else "Python csv"
        print(f"csv {table} ({how}): {elapsed:.2f} s for {lines - 1:,} rows, {size / 2**20:.1f} "
              f"MiB (goal ≤ {CSV_GOAL_S} s: {verdict})", flush=True)  # fmt: skip
        if how == "COPY":
            python, _, _ = _csv_timed(table_csv_written(lab, table, borough=None))
            print(f"  reference: Python csv, same rows: {python:.2f} s ({python / elapsed:.1f}×)")


def _csv_timed(lines) -> tuple[float, int, int]:
    """Seconds to read a CSV stream to its end, its lines and its characters."""
    started, count, size = time.perf_counter(), 0, 0
    for chunk in lines:
        count += chunk.count("\n")
        size += len(chunk)
    return time.perf_counter() - started, count, size


def _openpyxl_write(lab, out: Path) -> None:
    """The reference: the same tables through openpyxl's write-only mode, cell by cell."""
    from django.utils import timezone
    from openpyxl import Workbook

    from cms.cells import cell_safe
    from pilots.exports.tables import lab_tables

    workbook = Workbook(write_only=True)
    for table in lab_tables(lab, borough=None):
        sheet = workbook.create_sheet(table.name)
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append([_naive(timezone, cell_safe(v)) for v in row])
    workbook.save(out)


def _naive(timezone, value):
    """openpyxl refuses aware datetimes: local time, as the workbook shows it."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _peak_while_running(child: subprocess.Popen) -> int:
    """The child's peak resident memory in KiB (Linux: VmHWM, read until it exits)."""
    peak = 0
    status = Path(f"/proc/{child.pid}/status")
    while child.poll() is None:
        try:
            line = next(x for x in status.read_text().splitlines() if x.startswith("VmHWM"))
            peak = max(peak, int(line.split()[1]))
        except (OSError, StopIteration):
            pass
        time.sleep(0.05)
    if child.returncode:
        raise SystemExit(f"export_lab failed with exit status {child.returncode}")
    return peak


if __name__ == "__main__":
    main()
