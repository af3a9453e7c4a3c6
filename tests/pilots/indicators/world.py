"""Shared indicators adopted by seeded 2023 KPIs. Seeded readings (approved, quarterly,
July and October 2023): Barnet's "Volunteering placements started" 10 then 20, Brent's
"Families using the Travel Scheme" 15 then 30."""

import datetime as dt
from decimal import Decimal

from designlab.models import Lab, SharedIndicator
from pilots.models import KPI, KPIReading, Pilot

JULY, OCTOBER = dt.date(2023, 7, 1), dt.date(2023, 10, 1)


def lab_elsewhere() -> Lab:
    """A Lab none of the seeded boroughs takes part in."""
    return Lab.objects.create(
        name="Another Lab", slug="another-lab", convenor="A city",
        starts_on=dt.date(2030, 1, 1), ends_on=dt.date(2030, 12, 31),
    )  # fmt: skip


def indicator_make(labs: list[Lab], slug: str = "people-reached", **fields) -> SharedIndicator:
    indicator = SharedIndicator.objects.create(
        name=fields.pop("name", slug.replace("-", " ").capitalize()), slug=slug,
        definition="People the pilot reached in the period.", **fields,
    )  # fmt: skip
    indicator.labs.set(labs)
    return indicator


def adopt(kpi: KPI, indicator: SharedIndicator) -> KPI:
    kpi.shared_indicator = indicator
    kpi.save()
    return kpi


def ratio_kpi(pilot: Pilot, indicator: SharedIndicator, readings: dict) -> KPI:
    """A percentage KPI of `pilot` adopting `indicator`, with approved readings
    {period: (numerator, denominator)}."""
    kpi = KPI.objects.create(
        pilot=pilot, name=f"Share of {pilot.borough}", shared_indicator=indicator, sort_order=5
    )
    for period, (numerator, denominator) in readings.items():
        KPIReading.objects.create(
            kpi=kpi, period_start=period, numerator=numerator, denominator=denominator,
            value=(Decimal(numerator) * 100 / denominator).quantize(Decimal("0.01")),
            status=KPIReading.Status.APPROVED,
        )  # fmt: skip
    return kpi


def people_reached_make(lab: Lab, barnet_pilot: Pilot, brent_pilot: Pilot) -> SharedIndicator:
    """A count indicator adopted by Barnet's and Brent's seeded KPIs."""
    indicator = indicator_make([lab])
    adopt(barnet_pilot.kpis.get(), indicator)
    adopt(brent_pilot.kpis.get(name="Families using the Travel Scheme"), indicator)
    return indicator


def indicators_grow(lab: Lab, count: int) -> None:
    """`count` more shared indicators of `lab`, each adopted by a new KPI of a published
    pilot (the Lab's pilots in turn) with three approved quarterly readings."""
    pilots = list(Pilot.objects.published().filter(lab=lab).order_by("pk"))
    first = SharedIndicator.objects.filter(slug__startswith="grown-").count()
    for n in range(first, first + count):
        indicator = indicator_make([lab], f"grown-{n}")
        kpi = KPI.objects.create(pilot=pilots[n % len(pilots)], name=f"Grown {n}",
                                 shared_indicator=indicator, sort_order=10 + n)  # fmt: skip
        KPIReading.objects.bulk_create(
            KPIReading(kpi=kpi, period_start=start, value=20 + n, status="approved")
            for start in (dt.date(2023, 4, 1), JULY, OCTOBER)
        )
