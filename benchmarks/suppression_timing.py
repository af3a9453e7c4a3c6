"""Time `toolkit.suppression` on a shared indicator's public table: boroughs x three pilots
x periods x five categories, with every total over them, about half the cells small. Two
sizes: a Lab's year (11 boroughs, 4 quarters: 660 cells) and the largest foreseen (all 33
London authorities, 12 periods: 5,940 cells).

    .venv/bin/python benchmarks/suppression_timing.py

Reference: making the totals (`with_totals`), which any table with totals needs anyway.
Goal: masking (`suppress_table`) within 20 ms for a Lab's year and 100 ms for the largest,
so a public page or API answer built from such a table stays quick.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

import django  # noqa: E402

django.setup()

from toolkit.suppression import suppress_table, with_totals  # noqa: E402

SIZES = {"a Lab's year": (11, 4, 0.02), "the largest": (33, 12, 0.1)}
KEYS = ["borough", "pilot", "period", "category"]


def table(boroughs: int, periods: int) -> list[dict]:
    rng = random.Random(1)
    return [
        {"borough": b, "pilot": p, "period": q, "category": c, "n": rng.choice([0, 3, 8, 12, 40])}
        for b in range(boroughs)
        for p in range(3)
        for q in range(periods)
        for c in range(5)
    ]


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    for name, (boroughs, periods, goal) in SIZES.items():
        cells = table(boroughs, periods)
        rows = with_totals(cells, KEYS, "n")
        totals = best_of(5, lambda cells=cells: with_totals(cells, KEYS, "n"))
        masking = best_of(5, lambda rows=rows: suppress_table(rows, KEYS, "n"))
        hidden = sum(r["suppressed"] for r in suppress_table(rows, KEYS, "n"))
        print(f"{name}: {len(cells)} cells, {len(rows) - len(cells)} totals, {hidden} hidden")
        print(f"  with_totals (reference): {totals * 1000:.1f} ms")
        print(f"  suppress_table: {masking * 1000:.1f} ms (goal: under {goal * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
