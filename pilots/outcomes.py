"""A Lab's outcomes rated from its published records, and the report tables built from them.

Public functions (the dashboard, the public report page, commands and tasks all call these):

- ``lab_outcomes(lab) -> list[OutcomeResult]``: every outcome of the Lab, in number order.
  ``OutcomeResult`` fields: ``number`` (int), ``statement`` (str), ``rating`` ("success",
  "partial", "not_met", or None when no measure is rated), ``rating_label`` ("Success",
  "Partial success", "Not met", "Not rated"), ``measures`` (list[MeasureResult]).
  ``MeasureResult`` fields: ``key`` (the library key, `designlab.criteria.Measure`),
  ``label`` (what is counted), ``unit`` ("boroughs" or "pilots"), ``count`` and ``total``
  (e.g. 5 of 11), ``boroughs`` (names of the boroughs behind the count, sorted),
  ``pilots`` (for pilot measures, "Borough: pilot title" of each counted pilot; else []),
  ``rated`` (bool), ``success_from``/``partial_from`` (thresholds or None), ``rating`` and
  ``rating_label`` (None for evidence-only measures), ``rationale`` (why the thresholds).
- ``table_1(lab) -> list[Table1Row]``: one row per participating borough with a published
  pilot: ``borough`` (name), ``activities`` (list of each pilot's activity), ``key_lesson``.
- ``outcomes_snapshot_take(lab) -> OutcomeSnapshot``: store the current results.

Only published records count: live pilots and their database child rows (a live pilot's
drafts live in revisions, not in these tables). Borough counts are among the Lab's
participating boroughs. The number of queries does not depend on the amount of data.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone

from designlab.criteria import Measure, Outcome, OutcomeSnapshot, Rating
from designlab.models import Attendance, Borough, Lab, Session
from pilots.models import (
    Evaluation,
    Partnership,
    Pilot,
    PracticeChange,
    ResourceReuse,
    Stage,
)

BOROUGHS, PILOTS = "boroughs", "pilots"
NOT_RATED = "Not rated"
_RANK = {value: rank for rank, value in enumerate(Rating.values)}  # worst first


@dataclass(frozen=True)
class MeasureResult:
    key: str
    label: str
    unit: str
    count: int
    total: int
    boroughs: list[str]
    pilots: list[str] = field(default_factory=list)
    rated: bool = False
    success_from: int | None = None
    partial_from: int | None = None
    rating: str | None = None
    rating_label: str | None = None
    rationale: str = ""


@dataclass(frozen=True)
class OutcomeResult:
    number: int
    statement: str
    rating: str | None
    rating_label: str
    measures: list[MeasureResult]


@dataclass(frozen=True)
class Table1Row:
    borough: str
    activities: list[str]
    key_lesson: str


@dataclass(frozen=True)
class _Counted:
    """What a measure found: borough ids, and for pilot measures (borough id, title) pairs."""

    unit: str
    borough_ids: set[int]
    pilots: list[tuple[int, str]] = field(default_factory=list)


def _published(lab: Lab):
    return Pilot.objects.filter(live=True, lab=lab)


def _ids(queryset, path: str = "pilot__borough_id") -> set[int]:
    return set(queryset.order_by().values_list(path, flat=True).distinct())


def _pilot_designed(lab: Lab, today: dt.date) -> _Counted:
    return _Counted(BOROUGHS, _ids(_published(lab), "borough_id"))


def _pilots_on_track(lab: Lab, today: dt.date) -> _Counted:
    """Completed (or scaling up), or no milestone late: none done after its due date
    and none still open past it."""
    late = Q(milestones__done_on__gt=F("milestones__due_on")) | Q(
        milestones__done_on__isnull=True, milestones__due_on__lt=today
    )
    rows = (
        _published(lab)
        .annotate(late=Count("milestones", filter=late))
        .filter(Q(stage__in=[Stage.COMPLETED, Stage.SCALING]) | Q(late=0))
        .order_by()
        .values_list("borough_id", "title")
    )
    pilots = list(rows)
    return _Counted(PILOTS, {b for b, _ in pilots}, pilots)


def _evaluation_implemented(lab: Lab, today: dt.date) -> _Counted:
    evaluations = Evaluation.objects.filter(
        pilot__live=True, pilot__lab=lab, status__in=Evaluation.IMPLEMENTED
    )
    return _Counted(BOROUGHS, _ids(evaluations))


def _new_partnership(lab: Lab, today: dt.date) -> _Counted:
    partnerships = Partnership.objects.filter(pilot__live=True, pilot__lab=lab, is_new=True)
    return _Counted(BOROUGHS, _ids(partnerships))


def _accommodation_contact(lab: Lab, today: dt.date) -> _Counted:
    """A partnership with an accommodation provider, or closer communication with one."""
    partners = Partnership.objects.filter(
        pilot__live=True, pilot__lab=lab, partner_type=Partnership.PartnerType.ACCOMMODATION
    )
    changes = PracticeChange.objects.filter(
        pilot__live=True, pilot__lab=lab, kind=PracticeChange.Kind.ACCOMMODATION
    )
    return _Counted(BOROUGHS, _ids(partners) | _ids(changes))


def _resources_exchanged(lab: Lab, today: dt.date) -> _Counted:
    """Both ends of a peer exchange: the borough that shared and the one that reused."""
    pairs = (
        ResourceReuse.objects.filter(resource__lab=lab)
        .exclude(borough_id=F("resource__borough_id"))
        .values_list("borough_id", "resource__borough_id")
        .distinct()
    )
    return _Counted(BOROUGHS, {b for pair in pairs for b in pair})


def _all_workshops(lab: Lab, today: dt.date) -> _Counted:
    held = Session.objects.filter(lab=lab, kind=Session.Kind.WORKSHOP).count()
    if not held:
        return _Counted(BOROUGHS, set())
    attended = (
        Attendance.objects.filter(session__lab=lab, session__kind=Session.Kind.WORKSHOP)
        .values("borough_id")
        .annotate(n=Count("session", distinct=True))
        .filter(n=held)
    )
    return _Counted(BOROUGHS, {row["borough_id"] for row in attended})


def _practice(kind: str) -> Callable[[Lab, dt.date], _Counted]:
    def count(lab: Lab, today: dt.date) -> _Counted:
        changes = PracticeChange.objects.filter(pilot__live=True, pilot__lab=lab, kind=kind)
        return _Counted(BOROUGHS, _ids(changes))

    return count


LIBRARY: dict[str, Callable[[Lab, dt.date], _Counted]] = {
    Measure.PILOT_DESIGNED: _pilot_designed,
    Measure.PILOTS_ON_TRACK: _pilots_on_track,
    Measure.EVALUATION_IMPLEMENTED: _evaluation_implemented,
    Measure.NEW_PARTNERSHIP: _new_partnership,
    Measure.ACCOMMODATION_CONTACT: _accommodation_contact,
    Measure.RESOURCES_EXCHANGED: _resources_exchanged,
    Measure.ALL_WORKSHOPS: _all_workshops,
    Measure.PRACTICE_MULTI_AGENCY: _practice(PracticeChange.Kind.MULTI_AGENCY),
    Measure.PRACTICE_UPSKILLING: _practice(PracticeChange.Kind.UPSKILLING),
    Measure.PRACTICE_CO_DESIGN: _practice(PracticeChange.Kind.CO_DESIGN),
    Measure.PRACTICE_DEFINITION: _practice(PracticeChange.Kind.DEFINITION),
    Measure.PRACTICE_OUTCOMES: _practice(PracticeChange.Kind.OUTCOMES),
    Measure.PRACTICE_ACCOMMODATION: _practice(PracticeChange.Kind.ACCOMMODATION),
}


def rating_for(count: int, *, success_from: int, partial_from: int) -> str:
    if count >= success_from:
        return Rating.SUCCESS
    if count >= partial_from:
        return Rating.PARTIAL
    return Rating.NOT_MET


def lab_outcomes(lab: Lab, *, today: dt.date | None = None) -> list[OutcomeResult]:
    """Rate every outcome of `lab` from its published records (see the module docstring)."""
    today = today or timezone.localdate()
    cohort = dict(Borough.objects.filter(participations__lab=lab).values_list("pk", "name"))
    published_pilots = _published(lab).filter(borough_id__in=cohort).count()
    counted: dict[str, _Counted] = {}
    results = []
    for outcome in Outcome.objects.filter(lab=lab).prefetch_related("measures"):
        measures = []
        for m in outcome.measures.all():
            if m.measure not in counted:
                counted[m.measure] = LIBRARY[m.measure](lab, today)
            measures.append(_measure_result(m, counted[m.measure], cohort, published_pilots))
        ratings = [r.rating for r in measures if r.rated]
        rating = min(ratings, key=_RANK.__getitem__) if ratings else None
        results.append(
            OutcomeResult(
                number=outcome.number,
                statement=outcome.statement,
                rating=rating,
                rating_label=Rating(rating).label if rating else NOT_RATED,
                measures=measures,
            )
        )
    return results


def _measure_result(m, found: _Counted, cohort: dict[int, str], pilot_total: int):
    boroughs = sorted(cohort[b] for b in found.borough_ids if b in cohort)
    if found.unit == PILOTS:
        pilots = sorted(f"{cohort[b]}: {title}" for b, title in found.pilots if b in cohort)
        count, total = len(pilots), pilot_total
    else:
        pilots, count, total = [], len(boroughs), len(cohort)
    rating = None
    if m.rated:
        rating = rating_for(count, success_from=m.success_from, partial_from=m.partial_from)
    return MeasureResult(
        key=m.measure,
        label=m.get_measure_display(),
        unit=found.unit,
        count=count,
        total=total,
        boroughs=boroughs,
        pilots=pilots,
        rated=m.rated,
        success_from=m.success_from if m.rated else None,
        partial_from=m.partial_from if m.rated else None,
        rating=rating,
        rating_label=Rating(rating).label if rating else None,
        rationale=m.rationale,
    )


def outcomes_snapshot_take(lab: Lab) -> OutcomeSnapshot:
    """Record the Lab's outcomes as they are now."""
    results = [asdict(result) for result in lab_outcomes(lab)]
    return OutcomeSnapshot.objects.create(lab=lab, results=results)


def table_1(lab: Lab) -> list[Table1Row]:
    """The report's Table 1 from published pilots: each borough's activities and key
    lesson (a lesson shared by a borough's pilots appears once)."""
    activities: dict[str, list[str]] = {}
    lessons: dict[str, list[str]] = {}
    pilots = (
        _published(lab)
        .filter(borough__participations__lab=lab)
        .order_by("borough__name", "pk")
        .values_list("borough__name", "activity", "key_lesson")
    )
    for borough, activity, lesson in pilots:
        activities.setdefault(borough, []).append(activity)
        found = lessons.setdefault(borough, [])
        if lesson and lesson not in found:
            found.append(lesson)
    return [
        Table1Row(borough, activities[borough], "\n\n".join(lessons[borough]))
        for borough in activities
    ]


def outcomes_snapshot_all() -> int:
    """The nightly snapshot of every Lab that has outcomes and none taken today, so a
    retried or redelivered run adds nothing. Returns how many were taken."""
    today = timezone.localdate()
    labs = list(
        Lab.objects.filter(outcomes__isnull=False)
        .exclude(outcome_snapshots__taken_at__date=today)
        .distinct()
    )
    for lab in labs:
        outcomes_snapshot_take(lab)
    return len(labs)
