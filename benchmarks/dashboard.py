"""Time the convenors' dashboard on a synthetic Lab, on the database DATABASE_URL names
(PostgreSQL for the figures that count).

    .venv/bin/python benchmarks/dashboard.py --scale 1 [--reuse]    # 350 authorities
    .venv/bin/python benchmarks/dashboard.py --scale 10 --slug synthetic-national-x10 --reuse

Prints, with the reference and goal of each: the median time of a visit while the figures
are kept (the usual visit: nothing published or imported since the last), its queries and
HTML size; and the first visit after a real change, each change made as the site makes it
and committed: readings imported (`readings_write`), readings approved
(`readings_approve`), a pilot published. Each change twice: once with the visit coming
before the worker has computed the Lab's dashboard (the visit computes it), with what the
change itself costs on commit (its pilot's figures computed again); and once after it, with
what computing the dashboard costs the worker (run here, in-process). On a database other
than PostgreSQL it says so and measures nothing.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

REFERENCE = "1,268 ms, 39 queries (issue 14)"
REFERENCE_CHANGED = "1,145 ms, 39 queries before"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--slug", default="synthetic-national")
    parser.add_argument("--reuse", action="store_true", help="Use the Lab if it exists.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from django.db import connection

    import cms.wsgi  # noqa: F401  the site as an app server loads it (see cms/wsgi.py)

    if connection.vendor != "postgresql":
        print("benchmarks/dashboard.py: set DATABASE_URL to a PostgreSQL database to time "
              "the dashboard (goal: < 250 ms, ≤ 15 queries at scale 1)")  # fmt: skip
        return
    import datetime as dt
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import Max
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cms.celery_app import app
    from designlab.models import Lab
    from pilots.dashboard.cache import dashboard_changed, dashboard_invalidate
    from pilots.dashboard.figures import pilot_figures_refresh
    from pilots.models import KPI, KPIReading, Pilot
    from pilots.readings.review import readings_approve
    from pilots.readings.write import readings_write
    from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed
    from pilots.tasks import dashboard_warm_queue

    lab = Lab.objects.filter(slug=args.slug).first()
    if lab is None or not args.reuse:
        lab = synthetic_seed(Size.national(args.scale), slug=args.slug)
        statistics_refresh()
    started = time.perf_counter()
    pilot_figures_refresh(Pilot.objects.filter(lab=lab, figures__isnull=True)
                          .values_list("pk", flat=True))  # fmt: skip
    print(f"every pilot's figures computed once: {time.perf_counter() - started:.1f} s")
    user, _ = get_user_model().objects.get_or_create(
        username="benchmark-convenor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    url = reverse("lab_dashboard")

    def visit() -> tuple[float, int, int]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, {"lab": lab.pk})
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        return elapsed, len(queries), len(response.content)

    def timed(change) -> float:
        started = time.perf_counter()
        with transaction.atomic():  # and its on-commit work: the pilot's figures
            change()
        return time.perf_counter() - started

    client.get(url, {"lab": lab.pk})  # warm the process (templates, content types)
    pilots = list(Pilot.objects.published().filter(lab=lab).order_by("pk")[: args.runs])
    kpis = [KPI.objects.filter(pilot=p).order_by("pk").first() for p in pilots]
    # Periods no earlier run wrote: the same readings again would be a no-op, not a change.
    latest = KPIReading.objects.filter(kpi__in=kpis).aggregate(Max("period_start"))
    period = dt.date(max(2031, latest["period_start__max"].year + 1), 1, 1)
    names = ["readings imported", "readings approved", "a pilot published"]
    changes = {(name, warmed): [] for name in names for warmed in (False, True)}
    costs = {key: [] for key in changes}
    app.conf.task_always_eager = True  # the worker's warm, run here and timed with the change
    logging.getLogger("celery").setLevel(logging.WARNING)  # not a line per task run
    logging.getLogger("kombu").setLevel(logging.ERROR)
    for warmed in (False, True):
        if not warmed:  # the visit comes before the worker has computed the dashboard
            dashboard_changed.disconnect(dispatch_uid="dashboard-warm")
        for i, (pilot, kpi) in enumerate(zip(pilots, kpis, strict=True)):
            start = period.replace(year=period.year + i + len(pilots) * warmed)
            months = [start.replace(month=m) for m in range(1, 13)]
            readings = {(kpi.pk, m): (Decimal(i + 1), "") for m in months}
            waiting = KPIReading.objects.filter(kpi=kpi, period_start__in=months)
            steps = [lambda r=readings: readings_write(r, user=user),
                     lambda w=waiting: readings_approve(w, user=user),
                     lambda p=pilot: p.save_revision().publish()]  # fmt: skip
            for name, step in zip(names, steps, strict=True):
                costs[name, warmed].append(timed(step))
                changes[name, warmed].append(visit())
        dashboard_changed.connect(dashboard_warm_queue, dispatch_uid="dashboard-warm")
    dashboard_changed.disconnect(dispatch_uid="dashboard-warm")  # as after a cache flush
    dashboard_invalidate()
    everything = [visit()]
    dashboard_changed.connect(dashboard_warm_queue, dispatch_uid="dashboard-warm")
    kept = [visit() for _ in range(args.runs)]

    def ms(runs: list) -> str:
        return f"{statistics.median(t for t, _, _ in runs) * 1000:.0f} ms"

    goal = "< 250 ms, ≤ 15 queries" if args.scale <= 1 else "< 1,000 ms, ≤ 15 queries"
    print(f"dashboard of {lab.boroughs.count():,} authorities, {len(pilots)} changes each "
          f"(scale {args.scale:g}) · {connection.vendor} · medians · load "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"  {'figure':<62}{'measured':<24}{'reference':<64}goal")
    rows = [("visit (figures kept)", f"{ms(kept)}, {kept[-1][1]} queries", REFERENCE, goal)]
    for (name, warmed), runs in changes.items():
        cost = f"{statistics.median(costs[name, warmed]) * 1000:.0f} ms"
        when = "warmed by the worker" if warmed else "not yet warmed"
        paid = f"change and warm {cost}" if warmed else f"change itself {cost}"
        rows.append((f"first visit after {name} ({when})", f"{ms(runs)}, {runs[-1][1]} queries",
                     f"{REFERENCE_CHANGED} ({paid})", goal))  # fmt: skip
    rows.append(("first visit, every figure dropped (cache flushed)", f"{ms(everything)}, "
                 f"{everything[-1][1]} queries", REFERENCE_CHANGED, goal))  # fmt: skip
    rows.append(("HTML", f"{kept[-1][2] // 1024} KiB", "870 KiB", "small at national scale"))
    for figure, measured, reference, target in rows:
        print(f"  {figure:<62}{measured:<24}{reference:<64}{target}")


if __name__ == "__main__":
    main()
