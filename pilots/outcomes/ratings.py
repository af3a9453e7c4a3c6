"""A Lab's outcomes rated from its published records, and snapshots of the ratings.

Public functions (the dashboard, the public report page, commands and tasks all call these):

- ``lab_outcomes(lab) -> list[OutcomeResult]``: every outcome of the Lab, in number order.
  ``OutcomeResult`` fields: ``number`` (int), ``statement`` (str), ``rating`` ("success",
  "partial", "not_met", or None when no measure is rated), ``rating_label`` ("Success",
  "Partial success", "Not met", "Not rated"), ``measures`` (list[MeasureResult]).
  ``MeasureResult`` fields: ``key`` (the library key, `designlab.models.Measure`),
  ``label`` (what is counted), ``unit`` ("boroughs" or "pilots"), ``count`` and ``total``
  (e.g. 5 of 11), ``boroughs`` (names of the boroughs behind the count, sorted),
  ``pilots`` (for pilot measures, "Borough: pilot title" of each counted pilot; else []),
  ``rated`` (bool), ``success_from``/``partial_from`` (thresholds or None), ``rating`` and
  ``rating_label`` (None for evidence-only measures), ``rationale`` (why the thresholds).
  ``OutcomeResult.evidence`` (`pilots.outcomes.evidence.Evidence`) sums the records of the
  boroughs its measures counted; ``evidence_grade``/``evidence_grade_label`` grade them.
- ``outcome_json(result) -> dict``: an outcome with its evidence grade, as JSON.
- ``outcomes_snapshot_take(lab) -> OutcomeSnapshot``: store the current ratings (not the
  evidence grades: those are worked out whenever they are shown).

Only published records count: live pilots and their database child rows (a live pilot's
drafts live in revisions, not in these tables). Borough counts are among the Lab's
participating boroughs. The number of queries does not depend on the amount of data.
"""

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.utils import timezone

from designlab.models import Borough, Lab, Outcome, OutcomeMeasure, OutcomeSnapshot, Rating
from pilots.models import Pilot
from pilots.outcomes.evidence import Evidence, evidence_by_borough
from pilots.outcomes.measures import LIBRARY, PILOTS, Counted

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
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def evidence_grade(self) -> str:
        return self.evidence.grade.value

    @property
    def evidence_grade_label(self) -> str:
        return self.evidence.grade.label


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
    published = Pilot.objects.published().filter(lab=lab, borough_id__in=cohort)
    published_pilots = published.count()
    by_borough = evidence_by_borough(published)
    counted: dict[str, Counted] = {}
    results = []
    for outcome in Outcome.objects.filter(lab=lab).prefetch_related("measures"):
        measures = []
        for m in outcome.measures.all():
            if m.measure not in counted:
                counted[m.measure] = LIBRARY[m.measure](lab, today)
            measures.append(_measure_result(m, counted[m.measure], cohort, published_pilots))
        ratings = [r.rating for r in measures if r.rated]
        rating = min(ratings, key=_RANK.__getitem__) if ratings else None
        behind = {b for m in outcome.measures.all() for b in counted[m.measure].borough_ids}
        evidence = sum((by_borough.get(b, Evidence()) for b in behind & set(cohort)), Evidence())
        results.append(
            OutcomeResult(
                number=outcome.number,
                statement=outcome.statement,
                rating=rating,
                rating_label=Rating(rating).label if rating else NOT_RATED,
                measures=measures,
                evidence=evidence,
            )
        )
    return results


def _measure_result(
    m: OutcomeMeasure, found: Counted, cohort: dict[int, str], pilot_total: int
) -> MeasureResult:
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


def outcome_json(result: OutcomeResult) -> dict:
    """An outcome as JSON (`lab_outcomes --json`), with its evidence and grade."""
    return {
        **asdict(result),
        "evidence_grade": result.evidence_grade,
        "evidence_grade_label": result.evidence_grade_label,
    }


def outcomes_snapshot_take(lab: Lab) -> OutcomeSnapshot:
    """Record the Lab's outcomes as they are now (their ratings; evidence grades are
    worked out when shown, never stored)."""
    results = [
        {key: value for key, value in asdict(result).items() if key != "evidence"}
        for result in lab_outcomes(lab)
    ]
    return OutcomeSnapshot.objects.create(lab=lab, results=results)


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
