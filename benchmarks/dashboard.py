"""Time the convenors' dashboard on a synthetic Lab, on the database DATABASE_URL names
(PostgreSQL for the figures that count).

    .venv/bin/python benchmarks/dashboard.py --scale 1 [--reuse]    # 350 authorities
    .venv/bin/python benchmarks/dashboard.py --scale 10 --slug synthetic-national-x10 --reuse

Prints, with the reference and goal of each: the median time of a visit while the figures
are kept (the usual visit: nothing published or imported since the last), its queries and
HTML size; and the first visit after a publish or import, which computes them again.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

REFERENCE = "1,268 ms, 39 queries, 870 KiB at scale 1 before (issue 14)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--slug", default="synthetic-national")
    parser.add_argument("--reuse", action="store_true", help="Use the Lab if it exists.")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from designlab.models import Lab
    from pilots.dashboard.cache import dashboard_invalidate
    from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed

    lab = Lab.objects.filter(slug=args.slug).first()
    if lab is None or not args.reuse:
        lab = synthetic_seed(Size.national(args.scale), slug=args.slug)
        statistics_refresh()
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

    client.get(url, {"lab": lab.pk})  # warm the process (templates, content types)
    cold = []
    for _ in range(max(1, args.runs // 3)):
        dashboard_invalidate()
        cold.append(visit())
    kept = [visit() for _ in range(args.runs)]

    def ms(runs: list) -> str:
        return f"{statistics.median(t for t, _, _ in runs) * 1000:.0f} ms"

    goal = "< 250 ms, ≤ 15 queries" if args.scale <= 1 else "< 1,000 ms, ≤ 15 queries"
    print(f"dashboard of {lab.boroughs.count():,} authorities (scale {args.scale:g}) · "
          f"{connection.vendor} · median of {args.runs}")  # fmt: skip
    print(f"  {'figure':<34}{'measured':<26}{'reference':<60}goal")
    rows = [
        ("visit (figures kept)", f"{ms(kept)}, {kept[-1][1]} queries", REFERENCE, goal),
        ("first visit after a change", f"{ms(cold)}, {cold[-1][1]} queries", REFERENCE, "—"),
        ("HTML", f"{kept[-1][2] // 1024} KiB", "870 KiB", "—"),
    ]
    for figure, measured, reference, target in rows:
        print(f"  {figure:<34}{measured:<26}{reference:<60}{target}")


if __name__ == "__main__":
    main()
