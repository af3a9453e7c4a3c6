"""Shared indicators as the public sees them: per Lab and period, each borough's figure and
the Lab's pooled figure, from approved readings of published pilots only
(`pilots.indicators.rollup`), small counts of people masked (`toolkit.suppression`).

A borough's figure is the total of its KPIs' readings, and the pooled figure the total of
every borough's, while each reading is published on its own (/api/v1/readings/). So the
table's cells are the readings, keyed by borough and KPI, and `suppress_table` hides every
total that adds up a hidden one: no hidden reading or borough figure is the pooled figure
minus the rest, in this table or in any Lab's or filter's part of it (whether a figure is
hidden depends only on the figures inside it). A reading the readings' own series rule
withholds (`readings_hidden`) is hidden here too, with every total over it. Over time,
a borough's or the Lab's figure a few people away from its earlier one is hidden as a
KPI's reading would be (`suppress_series`). Percentages built from counts of people are
hidden when their numerator or denominator would be.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from designlab.models import Lab, SharedIndicator
from designlab.models.indicators import Unit
from pilots.indicators.rollup import boroughs_using, indicator_cells, pooled_value
from toolkit.published import readings_hidden
from toolkit.suppression import suppress_series, suppress_table, with_totals

KEYS = ["borough", "kpi"]
POOLED = (None, None)


def _table(cells: list[dict], value_key: str, withheld: set) -> dict[tuple, tuple]:
    """{(borough, kpi): (total, hidden)} of `cells` and all their totals, masked."""
    rows = suppress_table(with_totals(cells, KEYS, value_key), KEYS, value_key, withheld)
    exact = {tuple(r[k] for k in KEYS): r[value_key] for r in with_totals(cells, KEYS, value_key)}
    return {tuple(r[k] for k in KEYS): (exact[tuple(r[k] for k in KEYS)], r["suppressed"])
            for r in rows}  # fmt: skip


def _period_figures(indicator: SharedIndicator, cells: list[dict], hidden: set) -> dict:
    """{borough or None (pooled): (figure, hidden)} of one Lab and period."""
    boroughs = sorted({c["borough"] for c in cells})
    if indicator.unit == Unit.COUNT:  # counts of people
        withheld = {(c["borough"], c["kpi"]) for c in cells if (c["kpi"], c["period"]) in hidden}
        table = _table(cells, "value", withheld)
        return {b: table[b, None] for b in [*boroughs, None]}
    if indicator.pools_by_ratio:  # counts of people above and below the line
        numerators, denominators = (
            _table(cells, "numerator", set()),
            _table(cells, "denominator", set()),
        )
        return {
            b: (pooled_value(indicator, None, numerators[b, None][0], denominators[b, None][0]),
                numerators[b, None][1] or denominators[b, None][1])
            for b in [*boroughs, None]
        }  # fmt: skip
    totals = defaultdict(Decimal)  # pounds and hours: exact
    for cell in cells:
        totals[cell["borough"]] += cell["value"]
        totals[None] += cell["value"]
    return {b: (totals[b], False) for b in [*boroughs, None]}


def _over_time(indicator: SharedIndicator, periods: dict[dt.date, dict]) -> None:
    """Hide, in place, a borough's or the Lab's count a few people away from its figure
    shown in an earlier period; a borough's so hidden hides its period's pooled figure."""
    if indicator.unit != Unit.COUNT:
        return
    starts = sorted(periods)
    for borough in {b for figures in periods.values() for b in figures if b is not None}:
        present = [s for s in starts if borough in periods[s]]
        shown = [None if periods[s][borough][1] else periods[s][borough][0] for s in present]
        for start, hide in zip(present, suppress_series(shown), strict=True):
            if hide:
                periods[start][borough] = (periods[start][borough][0], True)
                periods[start][None] = (periods[start][None][0], True)
    shown = [None if periods[s][None][1] else periods[s][None][0] for s in starts]
    for start, hide in zip(starts, suppress_series(shown), strict=True):
        if hide:
            periods[start][None] = (periods[start][None][0], True)


def _shown(value: Decimal | None, hidden: bool) -> dict:
    return {"value": None if hidden or value is None else float(value), "suppressed": hidden}


def indicators_public(indicators: list[SharedIndicator], lab: Lab | None = None) -> list[dict]:
    """Each of `indicators` (with `labs` prefetched) with, per Lab (or only `lab`) and
    period, each borough's figure and the pooled one, masked. Four queries."""
    labs = list({lab.pk: lab for i in indicators for lab in i.labs.all()}.values())
    labs = [lab] if lab is not None else labs
    cells = indicator_cells(labs, indicators)
    hidden = readings_hidden({c["kpi"] for c in cells}) if cells else set()
    using = boroughs_using(labs)
    gss = {c["borough"]: c["gss_code"] for c in cells}
    grouped: dict[tuple, dict[dt.date, list]] = defaultdict(lambda: defaultdict(list))
    for cell in cells:
        grouped[cell["indicator"], cell["lab"]][cell["period"]].append(cell)
    answer = []
    for indicator in indicators:
        per_lab = []
        for shown_lab in sorted(indicator.labs.all(), key=lambda x: x.starts_on, reverse=True):
            if shown_lab not in labs:
                continue
            cells_of = grouped.get((indicator.pk, shown_lab.pk), {})
            periods = {
                start: _period_figures(indicator, c, hidden) for start, c in cells_of.items()
            }
            _over_time(indicator, periods)
            names = sorted(using[indicator.pk, shown_lab.pk].values())
            per_lab.append({
                "lab": shown_lab.slug, "lab_name": shown_lab.name, "boroughs_using": names,
                "periods": [
                    {"period_start": start,
                     "boroughs": [{"borough": b, "gss_code": gss[b], **_shown(*f)}
                                  for b, f in figures.items() if b is not None],
                     "pooled": {**_shown(*figures[None]),
                                "boroughs_included": len(figures) - 1,
                                "boroughs_missing": [n for n in names if n not in figures]}}
                    for start, figures in sorted(periods.items())
                ],
            })  # fmt: skip
        answer.append({
            "id": indicator.pk, "name": indicator.name, "slug": indicator.slug,
            "definition": indicator.definition, "unit": indicator.unit,
            "direction": indicator.direction, "frequency": indicator.frequency,
            "kind": indicator.kind, "labs": per_lab,
        })  # fmt: skip
    return answer
