"""Measure the convenors' dashboard and the Lab export on a synthetic national-scale Lab.

    .venv/bin/python benchmarks/lab_scale.py --scale 1      # 350 authorities, 840,000 readings
    .venv/bin/python benchmarks/lab_scale.py --scale 0.12 --reuse

Prints the dashboard's render time and query count, lab_outcomes' time, and the export's
wall time, rows and peak memory (the export runs as a child process, `manage.py
export_lab`, so its peak resident memory is its own; Linux). Uses DATABASE_URL like the
site.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--slug", default="synthetic-national")
    parser.add_argument("--reuse", action="store_true", help="Use the Lab if it exists.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from designlab.models import Lab
    from pilots.models import KPI, KPIReading, Pilot
    from pilots.outcomes.ratings import lab_outcomes
    from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed

    lab = Lab.objects.filter(slug=args.slug).first()
    if lab is None or not args.reuse:
        started = time.perf_counter()
        lab = synthetic_seed(Size.national(args.scale), slug=args.slug)
        statistics_refresh()
        print(f"seed: {time.perf_counter() - started:.1f} s")
    pilots = Pilot.objects.filter(lab=lab)
    print(
        f"data: {lab.boroughs.count()} authorities, {pilots.count()} pilots, "
        f"{KPI.objects.filter(pilot__lab=lab).count()} KPIs, "
        f"{KPIReading.objects.filter(kpi__pilot__lab=lab).count()} readings "
        f"({connection.vendor})"
    )

    user, _ = get_user_model().objects.get_or_create(
        username="benchmark-convenor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    url = reverse("lab_dashboard")
    client.get(url, {"lab": lab.pk})  # warm up
    times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, {"lab": lab.pk})
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    print(
        f"dashboard: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {args.runs} runs; {len(queries)} queries; "
        f"{len(response.content) // 1024} KiB of HTML"
    )
    started = time.perf_counter()
    lab_outcomes(lab)
    print(f"lab_outcomes: {(time.perf_counter() - started) * 1000:.0f} ms")

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "lab.xlsx"
        started = time.perf_counter()
        child = subprocess.Popen(  # noqa: S603 (our own command, fixed arguments)
            [sys.executable, "manage.py", "export_lab", lab.slug, "--out", str(out)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        peak = _peak_while_running(child)
        elapsed = time.perf_counter() - started
        print(
            f"export: {child.stdout.read().strip()} in {elapsed:.1f} s; "
            f"peak memory {peak / 1024:.0f} MiB; file {out.stat().st_size / 2**20:.1f} MiB"
        )


def _peak_while_running(child: subprocess.Popen) -> int:
    """The child's peak resident memory in KiB (Linux: VmHWM, read until it exits). The
    parent's rusage would count the memory of the fork before exec, so it is not used."""
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
