"""What the public may see of the tracker: live pilots and their database child rows
(for a live pilot these are the published version; drafts exist only in revisions), with
small counts masked."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from designlab.models import Provenance
from pilots.models import KPI, KPIReading, Pilot
from toolkit.disclosure import is_disclosive


def published_pilots() -> QuerySet[Pilot]:
    return (
        Pilot.objects.filter(live=True)
        .select_related("borough", "lab")
        .prefetch_related(
            Prefetch(
                "kpis",
                queryset=KPI.objects.prefetch_related(
                    Prefetch("readings", queryset=KPIReading.objects.order_by("period_start"))
                ),
            ),
            "evaluations",
            "partnerships",
            "practice_changes",
            "challenges",
        )
    )


def shows_illustrative(record: Provenance) -> bool:
    """Whether the public page of `record` calls something illustrative: the record itself,
    or its source note (which may say that part of it is)."""
    return (
        record.provenance == Provenance.ILLUSTRATIVE or "illustrative" in record.source_note.lower()
    )


@dataclass(frozen=True)
class KPIProgress:
    """A KPI as the public sees it. A masked value is None with `suppressed` True."""

    kpi: KPI
    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None
    latest_period: object
    suppressed: bool
    percent: int | None  # of the way from baseline to target, 0–100


def _masked(kpi: KPI, value: Decimal | None) -> tuple[Decimal | None, bool]:
    # Counts of people or cases below the threshold could single someone out.
    if kpi.unit == KPI.Unit.COUNT and is_disclosive(value):
        return None, True
    return value, False


def kpi_progress(kpi: KPI) -> KPIProgress:
    """Latest reading against baseline and target; uses prefetched readings."""
    readings = list(kpi.readings.all())
    last = readings[-1] if readings else None
    latest, latest_hidden = _masked(kpi, last.value if last else None)
    baseline, baseline_hidden = _masked(kpi, kpi.baseline)
    percent = None
    span = (kpi.target - kpi.baseline) if None not in (kpi.target, kpi.baseline) else 0
    # No progress figure from a masked value: it would let the value be worked back out.
    if last is not None and span and not (latest_hidden or baseline_hidden):
        percent = round(max(0, min(100, (last.value - kpi.baseline) / span * 100)))
    return KPIProgress(
        kpi=kpi,
        baseline=baseline,
        target=kpi.target,
        latest=latest,
        latest_period=last.period_start if last else None,
        suppressed=latest_hidden or baseline_hidden,
        percent=percent,
    )
