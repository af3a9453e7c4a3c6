"""The dashboard's KPI lines: each KPI's latest reading with its status against target
and the story behind it ("What happened", "Next step"), in one query."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from pilots.models import KPI, KPIReading, Status


@dataclass(frozen=True)
class KPILine:
    kpi: KPI
    status: Status | None

    @property
    def borough(self) -> str:
        return self.kpi.pilot.borough.name

    @property
    def latest(self) -> Decimal | None:
        return self.kpi.latest_value


def kpi_lines(pilots: QuerySet, start: int = 0, stop: int | None = None) -> list[KPILine]:
    """The KPIs of `pilots`, by borough and pilot, each with its latest reading's status
    (`KPI.status_against_target`) and story; those from `start` to `stop` in that order."""
    latest = KPIReading.objects.filter(kpi=OuterRef("pk")).order_by("-period_start")
    kpis = (
        KPI.objects.filter(pilot__in=pilots)
        .with_latest_reading()
        .annotate(
            what_happened=Subquery(latest.values("what_happened")[:1]),
            next_step=Subquery(latest.values("next_step")[:1]),
        )
        .select_related("pilot__borough")
        .order_by("pilot__borough__name", "pilot__title", "sort_order", "pk")
    )[start:stop]
    return [
        KPILine(kpi, kpi.status_against_target(kpi.latest_value, period_target=kpi.latest_target))
        for kpi in kpis
    ]
