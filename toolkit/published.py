"""What the public may see of the tracker: live pilots and their database child rows
(for a live pilot these are the published version; drafts exist only in revisions), with
small counts masked."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from wagtail.models import PageViewRestriction

from designlab.models import Provenance
from pilots.models import KPI, FollowUp, KPIReading, Pilot, ReadingPart, Status
from toolkit.cache import generation_cached
from toolkit.suppression import breakdown_withheld, suppress_series, suppressed


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
    """A KPI's `readings`, cut to its latest approved one: all that `kpi_progress` reads. A
    large pilot has thousands of readings, which public pages and the API need not load."""
    approved = KPIReading.objects.published()
    latest = approved.filter(kpi=OuterRef("kpi")).order_by("-period_start")
    queryset = approved.filter(period_start=Subquery(latest.values("period_start")[:1]))
    return Prefetch("readings", queryset=queryset)


def approved_follow_ups() -> Prefetch:
    """A pilot's approved follow-up check-ins, earliest first, as `approved_follow_ups`:
    the only ones the public sees."""
    approved = FollowUp.objects.approved().order_by("months_after")
    return Prefetch("follow_ups", queryset=approved, to_attr="approved_follow_ups")


def published_pilots() -> QuerySet[Pilot]:
    return (
        Pilot.objects.published()
        .select_related("borough", "lab")
        .prefetch_related(
            Prefetch("kpis", queryset=KPI.objects.prefetch_related(_latest_reading(), "targets")),
            "evaluations",
            "challenges",
            approved_follow_ups(),
        )
    )


def published_pilot_shown(pk: int) -> Pilot | None:
    """A published pilot with what its case study shows (its KPIs with their latest
    reading, its evaluations); None if it is not published."""
    kpis = KPI.objects.prefetch_related(_latest_reading(), "targets")
    return (
        Pilot.objects.published()
        .select_related("borough", "lab")
        .prefetch_related(Prefetch("kpis", queryset=kpis), "evaluations", approved_follow_ups())
        .filter(pk=pk)
        .first()
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


def readings_hidden(kpi_ids: set[int] | None = None) -> set[tuple[int, dt.date]]:
    """(KPI id, period start) of the published readings to withhold, of `kpi_ids` or of
    every KPI: each count of people's series is judged whole with its baseline, as the case
    study's chart judges it (`suppress_series`), so no surface shows what another hides."""
    kpis = KPI.objects.counting_people()
    if kpi_ids is not None:
        kpis = kpis.filter(pk__in=kpi_ids)
    baselines, series = {}, defaultdict(list)
    readings = KPIReading.objects.published().filter(kpi__in=kpis)  # one query
    for kpi_id, baseline, start, value in readings.order_by("kpi_id", "period_start").values_list(
        "kpi_id", "kpi__baseline", "period_start", "value"
    ):
        baselines[kpi_id] = baseline
        series[kpi_id].append((start, value))
    hidden = set()
    for kpi_id, points in series.items():
        _, *flags = suppress_series([baselines[kpi_id], *(value for _, value in points)])
        hidden |= {(kpi_id, start) for (start, _), hide in zip(points, flags, strict=True) if hide}
    return hidden


def reading_public(row: tuple, hidden: set[tuple[int, dt.date]]) -> dict:
    """A row of `published_readings` by name, its value None when withheld (`hidden`, from
    `readings_hidden`)."""
    reading = dict(zip(READING_FIELDS, row, strict=True))
    reading["suppressed"] = (reading["kpi"], reading["period_start"]) in hidden
    if reading["suppressed"]:
        reading["value"] = None
    return reading


def kpi_progress(kpi: KPI, hidden: set[tuple[int, dt.date]]) -> KPIProgress:
    """Latest reading against baseline and target; uses prefetched readings (ascending,
    or only the latest). For a count of people, a small baseline is hidden, and the latest
    reading when `hidden` (from `readings_hidden`) holds it: small, or a few people away
    from a figure shown before it, so that the difference would count them."""
    readings = list(kpi.readings.all())
    last = readings[-1] if readings else None
    value = last.value if last else None
    baseline_hidden = kpi.counts_people and suppressed(kpi.baseline)
    latest_hidden = last is not None and (kpi.pk, last.period_start) in hidden
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


@dataclass(frozen=True)
class Breakdown:
    """A published reading's values per category, as the public sees them: every value
    None when `withheld` (`toolkit.suppression.breakdown_withheld`)."""

    name: str  # the list's, e.g. "Age band"
    period_start: dt.date
    parts: list[tuple[str, Decimal | None]]  # (category, value) in the list's order
    withheld: bool

    def public(self, *, numbers: bool = False) -> dict:
        """As the API and (with `numbers`, floats as in the API) the open data JSON give it."""
        values = [
            {"category": c, "value": float(v) if numbers and v is not None else v}
            for c, v in self.parts
        ]
        return {"name": self.name, "suppressed": self.withheld, "values": values}


def readings_broken_down(
    kpi_ids: set[int] | None, hidden: set[tuple[int, dt.date]]
) -> dict[tuple[int, dt.date], Breakdown]:
    """The categories of the published readings of `kpi_ids` (or of every KPI) by (KPI id,
    period start), in one query; `hidden` (from `readings_hidden`) holds the readings
    whose total is withheld. For a count of people, each category's series is judged as a
    reading's is (`suppress_series`), and a reading's categories are withheld together."""
    parts = ReadingPart.objects.published()
    if kpi_ids is not None:
        parts = parts.filter(reading__kpi_id__in=kpi_ids)
    rows = parts.order_by(
        "reading__kpi_id", "reading__period_start", "category__sort_order", "category_id"
    ).values_list(
        "reading__kpi_id", "reading__period_start", "reading__value", "reading__kpi__unit",
        "reading__kpi__split_by__name", "category_id", "category__name", "value",
    )  # fmt: skip
    counts_people = {unit: KPI(unit=unit).counts_people for unit in KPI.Unit.values}
    readings: dict[tuple[int, dt.date], dict] = {}
    series: dict[tuple[int, int], list] = defaultdict(list)  # (KPI, category) → points
    for kpi_id, start, total, unit, name, category_id, category, value in rows:
        key = (kpi_id, start)
        entry = readings.setdefault(
            key, {"total": total, "counts": counts_people[unit], "name": name, "parts": []}
        )
        entry["parts"].append((category, value))
        series[(kpi_id, category_id)].append((start, value))
    moved = set()
    for (kpi_id, _), points in series.items():
        if readings[(kpi_id, points[0][0])]["counts"]:
            flags = suppress_series([value for _, value in points])
            moved |= {
                (kpi_id, start) for (start, _), flag in zip(points, flags, strict=True) if flag
            }
    shown = {}
    for key, entry in readings.items():
        withheld = entry["counts"] and breakdown_withheld(
            entry["total"], [value for _, value in entry["parts"]],
            total_withheld=key in hidden, moved=key in moved,
        )  # fmt: skip
        parts = [(category, None if withheld else value) for category, value in entry["parts"]]
        shown[key] = Breakdown(entry["name"], key[1], parts, withheld)
    return shown
