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

A rating is computed in two halves, so that a page may keep each as long as it holds:
``outcomes_defined(lab)`` (the outcomes, the cohort and the counts of the Lab's own records:
sessions, peer exchanges) changes only with those; ``outcomes_rated(defined, today=…)`` reads
the published pilots' kept figures (`PilotFigures`: what each pilot's records meet and the
evidence behind them, computed again whenever the pilot or its records change), in one query.
"""

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.utils import timezone

from designlab.models import Borough, Lab, Outcome, OutcomeMeasure, OutcomeSnapshot, Rating
from pilots.models import Pilot
from pilots.outcomes.evidence import Evidence
from pilots.outcomes.measures import LAB_MEASURES, PILOTS, Counted, pilots_measured

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


@dataclass(frozen=True)
class OutcomesDefined:
    """A Lab's outcomes with what rates them and changes only with the Lab's own records:
    its cohort of boroughs and the counts of the measures over those records."""

    lab_id: int
    cohort: dict[int, str]  # borough id → name
    outcomes: list[tuple[Outcome, list[OutcomeMeasure]]]
    counted: dict[str, Counted]  # the measures of the Lab's own records they use


def outcomes_defined(lab: Lab) -> OutcomesDefined:
    """`lab`'s outcomes, cohort and counts of its own records (a few queries)."""
    outcomes = [
        (outcome, list(outcome.measures.all()))
        for outcome in Outcome.objects.filter(lab=lab).prefetch_related("measures")
    ]
    used = {m.measure for _, measures in outcomes for m in measures}
    return OutcomesDefined(
        lab_id=lab.pk,
        cohort=dict(Borough.objects.filter(participations__lab=lab).values_list("pk", "name")),
        outcomes=outcomes,
        counted={key: count(lab) for key, count in LAB_MEASURES.items() if key in used},
    )


def outcomes_rated(defined: OutcomesDefined, *, today: dt.date) -> list[OutcomeResult]:
    """Rate the outcomes `defined` from the Lab's published pilots on `today`: one query
    over the pilots' kept figures (see the module docstring)."""
    cohort = defined.cohort
    # The cohort by a join, not its ids: a national Lab's would be thousands of parameters.
    published = Pilot.objects.published().filter(
        lab_id=defined.lab_id, borough__participations__lab_id=defined.lab_id
    )
    used = [m.measure for _, measures in defined.outcomes for m in measures]
    measured = pilots_measured(published, used, today)
    counted = {**defined.counted, **measured.counted}
    results = []
    for outcome, outcome_measures in defined.outcomes:
        measures = [
            _measure_result(m, counted[m.measure], cohort, measured.pilots)
            for m in outcome_measures
        ]
        ratings = [r.rating for r in measures if r.rated]
        rating = min(ratings, key=_RANK.__getitem__) if ratings else None
        behind = {b for m in outcome_measures for b in counted[m.measure].borough_ids}
        evidence = sum(
            (measured.evidence.get(b, Evidence()) for b in behind & set(cohort)), Evidence()
        )
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


def lab_outcomes(lab: Lab, *, today: dt.date | None = None) -> list[OutcomeResult]:
    """Rate every outcome of `lab` from its published records (see the module docstring)."""
    return outcomes_rated(outcomes_defined(lab), today=today or timezone.localdate())


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
