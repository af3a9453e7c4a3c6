"""What the public may see of the tracker: live pilots and their database child rows
(for a live pilot these are the published version; drafts exist only in revisions), with
small counts masked."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from designlab.models import Provenance
from pilots.models import KPI, KPIReading, Pilot
from toolkit.disclosure import is_disclosive


def _latest_reading() -> Prefetch:
    """A KPI's `readings`, cut to its latest approved one: all that `kpi_progress` reads. A
    large pilot has thousands of readings, which public pages and the API need not load."""
    approved = KPIReading.objects.published()
    latest = approved.filter(kpi=OuterRef("kpi")).order_by("-period_start")
    queryset = approved.filter(period_start=Subquery(latest.values("period_start")[:1]))
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


def masked(unit: str, value: Decimal | None) -> tuple[Decimal | None, bool]:
    """(value as published, whether it was withheld): counts of people or cases below the
    threshold could single someone out (`toolkit.disclosure`)."""
    if unit == KPI.Unit.COUNT and is_disclosive(value):
        return None, True
    return value, False


def _masked(kpi: KPI, value: Decimal | None) -> tuple[Decimal | None, bool]:
    return masked(kpi.unit, value)


# One approved reading as the public sees it: the API's /readings/ and the open data files.
READING_FIELDS = {
    "pilot": "kpi__pilot_id",
    "pilot_title": "kpi__pilot__title",
    "borough": "kpi__pilot__borough__name",
    "gss_code": "kpi__pilot__borough__gss_code",
    "lab": "kpi__pilot__lab__slug",
    "kpi": "kpi_id",
    "kpi_name": "kpi__name",
    "unit": "kpi__unit",
    "period_start": "period_start",
    "value": "value",
}


def published_readings() -> QuerySet:
    """Approved readings of published pilots, a tuple of READING_FIELDS' values per
    reading, in the pilots' order then by period; made public with `reading_public`."""
    return (
        KPIReading.objects.published()
        .order_by(
            "kpi__pilot__borough__name",
            "kpi__pilot__title",
            "kpi__pilot_id",
            "kpi__sort_order",
            "kpi_id",
            "period_start",
        )  # fmt: skip
        .values_list(*READING_FIELDS.values())
    )


def reading_public(row: tuple) -> dict:
    """A row of `published_readings` by name, its value masked (None) when disclosive."""
    reading = dict(zip(READING_FIELDS, row, strict=True))
    reading["value"], reading["suppressed"] = masked(reading["unit"], reading["value"])
    return reading


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
