"""Shared indicators rolled up: per indicator, Lab and period, each borough's approved
figure and the Lab's pooled one; and the same indicator across Labs.

Counts (and pounds, hours) add up. Percentages pool by their numerators and denominators,
sum(numerator) / sum(denominator), never by averaging the boroughs' percentages: a borough
of 10 families does not weigh as much as one of 1,000. Only readings entered as the two
counts pool (a KPI adopting a percentage indicator must be, `SharedIndicator.kpi_problems`).

Sums are taken in the database, in a constant number of grouped queries however many
boroughs, periods and readings there are. Only approved readings of published pilots
count (`KPIReading.objects.published()`); public surfaces mask small counts on top of
this (`toolkit.indicators`).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum

from designlab.models import Lab, SharedIndicator
from designlab.models.indicators import Unit
from pilots.models import KPI, KPIReading, Pilot

Key = tuple[int, int, dt.date]  # indicator, Lab, period start


def pooled_value(
    indicator: SharedIndicator,
    total: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> Decimal | None:
    """The figure of a group of readings: their sum, or for a percentage the pooled ratio
    (None without a denominator above 0)."""
    if not indicator.pools_by_ratio:
        return total
    if numerator is None or not denominator:
        return None
    return (numerator * 100 / denominator).quantize(Decimal("0.1"))


@dataclass
class BoroughFigure:
    borough_id: int
    borough: str
    gss_code: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    readings: int = 0


@dataclass
class PeriodRollup:
    """One period of one indicator in one Lab: each borough's figure and the pooled one."""

    period_start: dt.date
    boroughs: list[BoroughFigure]
    pooled: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    missing: list[str]  # boroughs using the indicator without an approved figure

    @property
    def included(self) -> int:
        return len(self.boroughs)

    @property
    def using(self) -> int:
        return len(self.boroughs) + len(self.missing)


@dataclass
class IndicatorRollup:
    indicator: SharedIndicator
    lab: Lab
    using: list[str]  # boroughs with a published pilot whose KPI adopts it
    periods: list[PeriodRollup] = field(default_factory=list)

    @property
    def latest(self) -> PeriodRollup | None:
        return self.periods[-1] if self.periods else None


def adopting_kpis(labs: list[Lab] | None = None) -> QuerySet[KPI]:
    """KPIs of published pilots that adopt a shared indicator of their pilot's Lab."""
    kpis = KPI.objects.filter(
        shared_indicator__isnull=False,
        pilot__in=Pilot.objects.published(),
        shared_indicator__labs=F("pilot__lab"),
    )
    return kpis if labs is None else kpis.filter(pilot__lab__in=labs)


def indicator_readings(labs: list[Lab] | None = None) -> QuerySet[KPIReading]:
    """The readings that count towards shared indicators: approved, of published pilots;
    for a percentage, only those entered as numerator and denominator (they alone pool)."""
    pools = Q(numerator__isnull=False, denominator__isnull=False) | ~Q(
        kpi__shared_indicator__unit=Unit.PERCENT
    )
    return KPIReading.objects.published().filter(pools, kpi__in=adopting_kpis(labs))


def _sums(readings: QuerySet, *fields: str) -> QuerySet:
    """`readings` grouped by indicator, Lab and period (and `fields`), summed."""
    return (
        readings.values(
            indicator=F("kpi__shared_indicator"), lab=F("kpi__pilot__lab"),
            period=F("period_start"), **{name: F(path) for name, path in fields},
        )
        .annotate(
            total=Sum("value"), num=Sum("numerator"), den=Sum("denominator"),
            n=Count("pk"),
        )
        .order_by()
    )  # fmt: skip


# One approved reading that counts towards a shared indicator, by name: the cells of the
# public tables (`toolkit.indicators`), which mask small counts before anything is summed.
CELL_FIELDS = {
    "indicator": "kpi__shared_indicator",
    "lab": "kpi__pilot__lab",
    "period": "period_start",
    "borough": "kpi__pilot__borough__name",
    "gss_code": "kpi__pilot__borough__gss_code",
    "kpi": "kpi",
    "value": "value",
    "numerator": "numerator",
    "denominator": "denominator",
}


def indicator_cells(labs: list[Lab], indicators: list[SharedIndicator]) -> list[dict]:
    """The readings of `indicator_readings` of `indicators`, a dict of CELL_FIELDS each
    (one query)."""
    rows = (
        indicator_readings(labs)
        .filter(kpi__shared_indicator__in=indicators)
        .order_by("period_start", "kpi__pilot__borough__name", "kpi")
    )
    return [
        dict(zip(CELL_FIELDS, row, strict=True)) for row in rows.values_list(*CELL_FIELDS.values())
    ]


def boroughs_using(labs: list[Lab] | None) -> dict[tuple[int, int], dict[int, str]]:
    """{(indicator, Lab): {borough id: name}} of the boroughs whose published pilots adopt it."""
    using: dict[tuple[int, int], dict[int, str]] = defaultdict(dict)
    rows = (
        adopting_kpis(labs)
        .values_list("shared_indicator", "pilot__lab", "pilot__borough", "pilot__borough__name")
        .distinct()
    )
    for indicator, lab, borough, name in rows:
        using[indicator, lab][borough] = name
    return using


def indicator_rollups(labs: list[Lab]) -> list[IndicatorRollup]:
    """Every shared indicator of `labs`, per Lab and period: each borough's figure (its
    KPIs' approved readings summed, or pooled) and the Lab's pooled figure, with the
    boroughs that use the indicator but have no approved figure for the period. Five
    queries, whatever the size of the Labs."""
    by_pk = {lab.pk: lab for lab in labs}
    indicators = SharedIndicator.objects.filter(labs__in=labs).distinct()
    indicators = {i.pk: i for i in indicators}
    pairs = SharedIndicator.labs.through.objects.filter(
        lab__in=labs, sharedindicator__in=indicators
    ).values_list("sharedindicator_id", "lab_id")
    using = boroughs_using(labs)
    # By indicator name, then the most recent Lab first.
    pairs = sorted(pairs, key=lambda p: (indicators[p[0]].name, -by_pk[p[1]].starts_on.toordinal()))
    rollups = {
        (i, lab): IndicatorRollup(indicators[i], by_pk[lab], sorted(using[i, lab].values()))
        for i, lab in pairs
    }
    readings = indicator_readings(labs)
    boroughs: dict[Key, list[BoroughFigure]] = defaultdict(list)
    fields = (("borough_id", "kpi__pilot__borough"), ("borough", "kpi__pilot__borough__name"),
              ("gss_code", "kpi__pilot__borough__gss_code"))  # fmt: skip
    for row in _sums(readings, *fields).order_by("borough"):
        indicator = indicators[row["indicator"]]
        value = pooled_value(indicator, row["total"], row["num"], row["den"])
        boroughs[row["indicator"], row["lab"], row["period"]].append(BoroughFigure(
            row["borough_id"], row["borough"], row["gss_code"], value,
            row["num"], row["den"], row["n"],
        ))  # fmt: skip
    # The Lab's figure summed in the database too.
    for row in _sums(readings).order_by("period"):
        rollup = rollups.get((row["indicator"], row["lab"]))
        if rollup is None:
            continue
        figures = boroughs[row["indicator"], row["lab"], row["period"]]
        have = {figure.borough_id for figure in figures}
        lacking = [n for b, n in using[row["indicator"], row["lab"]].items() if b not in have]
        rollup.periods.append(PeriodRollup(
            period_start=row["period"], boroughs=figures,
            pooled=pooled_value(rollup.indicator, row["total"], row["num"], row["den"]),
            numerator=row["num"], denominator=row["den"],
            missing=sorted(lacking),
        ))  # fmt: skip
    return list(rollups.values())


@dataclass
class AcrossLabs:
    """One indicator used by several Labs: each Lab's rolled-up figures side by side."""

    indicator: SharedIndicator
    labs: list[IndicatorRollup]


def indicators_across_labs(labs: list[Lab]) -> list[AcrossLabs]:
    """The shared indicators that two or more of `labs` use, each with every one of those
    Labs' roll-ups (`indicator_rollups`), most recent Lab first."""
    return across_labs(indicator_rollups(labs))


def across_labs(rollups: list[IndicatorRollup]) -> list[AcrossLabs]:
    """`rollups` grouped by indicator, keeping the indicators of two or more Labs."""
    grouped: dict[int, list[IndicatorRollup]] = defaultdict(list)
    for rollup in rollups:
        grouped[rollup.indicator.pk].append(rollup)
    return [AcrossLabs(group[0].indicator, group) for group in grouped.values() if len(group) > 1]
