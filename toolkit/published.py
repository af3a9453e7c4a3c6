"""What the public may see of the tracker: live pilots and their database child rows
(for a live pilot these are the published version; drafts exist only in revisions), with
small counts masked."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from designlab.models import Provenance
from pilots.models import KPI, KPIReading, Pilot, Status
from toolkit.suppression import suppress_series, suppressed


def _latest_reading() -> Prefetch:
    """A KPI's `readings`, cut to its latest: all that `kpi_progress` reads. A large pilot
    has thousands of readings, which public pages and the API need not load."""
    latest = KPIReading.objects.filter(kpi=OuterRef("kpi")).order_by("-period_start")
    queryset = KPIReading.objects.filter(period_start=Subquery(latest.values("period_start")[:1]))
    return Prefetch("readings", queryset=queryset)


def published_pilots() -> QuerySet[Pilot]:
    return (
        Pilot.objects.published()
        .select_related("borough", "lab")
        .prefetch_related(
            Prefetch("kpis", queryset=KPI.objects.prefetch_related(_latest_reading(), "targets")),
            "evaluations",
            "partnerships",
            "practice_changes",
            "challenges",
        )
    )


def published_kpis() -> QuerySet[KPI]:
    """The KPIs of published pilots, ready for `kpi_progress`."""
    return KPI.objects.filter(pilot__in=published_pilots()).prefetch_related(
        _latest_reading(), "targets"
    )


def shows_illustrative(record: Provenance) -> bool:
    """Whether the public page of `record` calls something illustrative: the record itself,
    or its source note (which may say that part of it is)."""
    return (
        record.provenance == Provenance.ILLUSTRATIVE or "illustrative" in record.source_note.lower()
    )


@dataclass(frozen=True)
class KPIProgress:
    """A KPI as the public sees it. A hidden value is None with its flag (and `suppressed`)
    True: small, or (the latest) a few people away from the baseline."""

    kpi: KPI
    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None
    latest_period: object
    baseline_hidden: bool
    latest_hidden: bool
    latest_small: bool  # hidden as itself small ("Fewer than 10"), not for its change
    percent: int | None  # of the way from baseline to target, 0–100
    status: Status | None  # against the latest period's target; None when it would tell

    @property
    def status_shown(self) -> str | None:
        return self.status.shown if self.status else None

    @property
    def suppressed(self) -> bool:
        return self.baseline_hidden or self.latest_hidden


def kpi_progress(kpi: KPI) -> KPIProgress:
    """Latest reading against baseline and target; uses prefetched readings (ascending,
    or only the latest). For a count of people, a small figure is hidden, and so is a latest
    reading a few people away from the baseline: the difference would count them."""
    readings = list(kpi.readings.all())
    last = readings[-1] if readings else None
    value = last.value if last else None
    if kpi.counts_people:
        baseline_hidden, latest_hidden = suppress_series([kpi.baseline, value])
    else:
        baseline_hidden = latest_hidden = False
    # No progress figure or status from a hidden value: either would let it be worked back.
    hidden = baseline_hidden or latest_hidden
    period_target = kpi_period_targets(kpi).get(last.period_start) if last else None
    percent = None if hidden else kpi.progress_to_target(value, period_target=period_target)
    status = None if hidden else kpi.status_against_target(value, period_target=period_target)
    return KPIProgress(
        kpi=kpi,
        baseline=None if baseline_hidden else kpi.baseline,
        target=kpi.target,
        latest=None if latest_hidden else value,
        latest_period=last.period_start if last else None,
        baseline_hidden=baseline_hidden,
        latest_hidden=latest_hidden,
        latest_small=latest_hidden and suppressed(value),
        percent=percent,
        status=status,
    )


def kpi_period_targets(kpi: KPI) -> dict:
    """The KPI's trajectory by period start, from its prefetched `targets`."""
    return {t.period_start: t.target for t in kpi.targets.all()}
