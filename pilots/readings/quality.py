"""The checks on a reading's figures, one module for the form and the return import alike:
a percentage entered as two counts, a cumulative total that falls, and an unusual figure
(outside the KPI's plausible range, or a jump of more than three times, or to under a
third of, the previous period's reading), which is accepted only when the officer
confirms it and says why.

Each check returns the problem in plain words, or None; the callers say where it is.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from pilots.models import KPI, KPIReading

JUMP = Decimal(3)
CENTS = Decimal("0.01")

Key = tuple[int, dt.date]


def ratio_problem(kpi: KPI, numerator: Decimal | None, denominator: Decimal | None) -> str | None:
    """Why two counts cannot make `kpi`'s percentage, or None."""
    if numerator is None or denominator is None:
        return (
            f"“{kpi.name}” is entered as two counts: give both the numerator and the denominator."
        )
    if numerator < 0 or denominator < 0:
        return "The numerator and the denominator are counts: neither may be below 0."
    if denominator == 0:
        return (
            "The denominator is 0, so there is no percentage to work out. Leave the period "
            "empty until there is something to count."
        )
    if numerator > denominator:
        return (
            f"The numerator ({KPI.figure_shown(numerator)}) is above the denominator "
            f"({KPI.figure_shown(denominator)}): the numerator counts the part, the "
            "denominator the whole."
        )
    return None


def ratio_percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    """The percentage two counts make, as it is stored (checked by `ratio_problem`)."""
    return (numerator * 100 / denominator).quantize(CENTS)


def fall_problem(
    kpi: KPI, value: Decimal, previous: Decimal | None, what_happened: str
) -> str | None:
    """A cumulative KPI's total to date falls only with a reason in "What happened"."""
    if kpi.kind != KPI.Kind.CUMULATIVE or previous is None or value >= previous:
        return None
    if what_happened.strip():
        return None
    return (
        f"“{kpi.name}” is a total to date, and {KPI.figure_shown(value)} is below the "
        f"previous period's {KPI.figure_shown(previous)}. Say why in “What happened” "
        "(for example, a correction), or check the figure."
    )


def unusual(kpi: KPI, value: Decimal, previous: Decimal | None) -> str | None:
    """What is unusual about `value`, or None: outside the plausible range, or more than
    three times (or under a third of) the previous period's reading."""
    low, high = kpi.plausible_min, kpi.plausible_max
    shown = KPI.figure_shown
    if (low is not None and value < low) or (high is not None and value > high):
        return (
            f"{shown(value)} is outside the plausible range for “{kpi.name}” "
            f"({shown(low) if low is not None else 'no minimum'} to "
            f"{shown(high) if high is not None else 'no maximum'})"
        )
    if previous is not None and previous > 0:
        if value > previous * JUMP:
            return (
                f"{shown(value)} is more than three times the previous period's {shown(previous)}"
            )
        if value * JUMP < previous:
            return f"{shown(value)} is under a third of the previous period's {shown(previous)}"
    return None


def unconfirmed(warning: str) -> str:
    """The problem with an unusual figure that the officer has not confirmed."""
    return f"{warning}. If it is right, confirm it and say why; otherwise correct it."


def previous_values(values: dict[Key, Decimal]) -> dict[Key, Decimal | None]:
    """For each (KPI id, period start) of `values`, the reading of the KPI's latest
    earlier period: from `values` itself where it holds one (a return may carry several
    periods), else as recorded. One query."""
    series: dict[int, dict[dt.date, Decimal]] = defaultdict(dict)
    recorded = KPIReading.objects.filter(kpi_id__in={k for k, _ in values}).values_list(
        "kpi_id", "period_start", "value"
    )
    for kpi_id, start, value in recorded.iterator(chunk_size=10_000):
        series[kpi_id][start] = value
    for (kpi_id, start), value in values.items():
        series[kpi_id][start] = value
    # Each KPI's periods in order, once: a period's previous reading is the one before it.
    previous = {}
    for kpi_id, by_start in series.items():
        before = None
        for start in sorted(by_start):
            if (kpi_id, start) in values:
                previous[(kpi_id, start)] = before
            before = by_start[start]
    return previous
