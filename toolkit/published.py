"""What the public may see of the tracker: live pilots and their database child rows
(for a live pilot these are the published version; drafts exist only in revisions), with
small counts masked."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from wagtail.models import PageViewRestriction

from designlab.models import Provenance
from pilots.models import KPI, KPIReading, Pilot
from toolkit.cache import generation_cached
from toolkit.disclosure import is_disclosive


def public_pages(pages: QuerySet) -> QuerySet:
    """`pages.public()` without its query: the sections behind privacy are kept until the
    next publish (a change to a page's privacy starts a new generation)."""
    restricted = generation_cached(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    private = Q()
    for path in restricted:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if restricted else pages


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
            Prefetch("kpis", queryset=KPI.objects.prefetch_related(_latest_reading())),
            "evaluations",
            "partnerships",
            "practice_changes",
            "challenges",
        )
    )


def published_pilot_shown(pk: int) -> Pilot | None:
    """A published pilot with what its case study shows (its KPIs with their latest
    reading, its evaluations); None if it is not published."""
    kpis = KPI.objects.prefetch_related(_latest_reading())
    return (
        Pilot.objects.published()
        .select_related("borough", "lab")
        .prefetch_related(Prefetch("kpis", queryset=kpis), "evaluations")
        .filter(pk=pk)
        .first()
    )


def published_kpis() -> QuerySet[KPI]:
    """The KPIs of published pilots, ready for `kpi_progress`."""
    return KPI.objects.filter(pilot__in=published_pilots()).prefetch_related(_latest_reading())


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
    """Latest reading against baseline and target; uses prefetched readings (ascending,
    or only the latest)."""
    readings = list(kpi.readings.all())
    last = readings[-1] if readings else None
    latest, latest_hidden = _masked(kpi, last.value if last else None)
    baseline, baseline_hidden = _masked(kpi, kpi.baseline)
    # No progress figure from a masked value: it would let the value be worked back out.
    hidden = latest_hidden or baseline_hidden
    percent = None if hidden else kpi.progress_to_target(last.value if last else None)
    return KPIProgress(
        kpi=kpi,
        baseline=baseline,
        target=kpi.target,
        latest=latest,
        latest_period=last.period_start if last else None,
        suppressed=latest_hidden or baseline_hidden,
        percent=percent,
    )
