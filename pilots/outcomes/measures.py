"""The library of measures: how each counts boroughs (or pilots) over a Lab's published
records. The vocabulary is `designlab.models.Measure`; the thresholds that rate a count
are on each outcome (`designlab.models.OutcomeMeasure`).

Most measures are met by a pilot's own records (`PILOT_MEASURES`): they read the flags kept
in each pilot's figures (`pilots.outcomes.flags`), all of them in one query over the Lab's
published pilots (`pilots_measured`), which also sums the evidence behind each borough. The
others count the Lab's own records (`LAB_MEASURES`: sessions, peer exchanges). Every
counter costs a fixed number of queries whatever the amount of data.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Aggregate, Count, F, JSONField, Q, QuerySet, Sum
from django.utils import timezone

from designlab.models import Attendance, Lab, Measure, Session
from pilots.dashboard.figures import pilot_figures_ensure
from pilots.models import Pilot, PilotFigures, ResourceReuse, Stage
from pilots.outcomes.evidence import Evidence

BOROUGHS, PILOTS = "boroughs", "pilots"
EVIDENCE = ("records", "reported", "evaluated", "completed", "readings", "approved")


@dataclass(frozen=True)
class Counted:
    """What a measure found: borough ids, and for pilot measures (borough id, title) pairs."""

    unit: str
    borough_ids: set[int]
    pilots: list[tuple[int, str]] = field(default_factory=list)


def _flag(name: str) -> Callable[[dt.date], Q]:
    return lambda today: Q(**{f"figures__{name}": True})


def _on_track(today: dt.date) -> Q:
    """Completed (or scaling up), or no milestone late: none done after its due date and
    none still open past it."""
    return Q(stage__in=[Stage.COMPLETED, Stage.SCALING]) | ~PilotFigures.slipped(today, "figures__")


# Each measure met by a pilot's records: its unit, and the condition on a published pilot
# read with its kept figures.
PILOT_MEASURES: dict[str, tuple[str, Callable[[dt.date], Q]]] = {
    Measure.PILOT_DESIGNED: (BOROUGHS, lambda today: Q(pk__isnull=False)),  # any published one
    Measure.PILOTS_ON_TRACK: (PILOTS, _on_track),
    Measure.EVALUATION_IMPLEMENTED: (BOROUGHS, _flag("evaluated")),
    Measure.NEW_PARTNERSHIP: (BOROUGHS, _flag("new_partnership")),
    Measure.ACCOMMODATION_CONTACT: (BOROUGHS, _flag("accommodation_contact")),
    Measure.PRACTICE_MULTI_AGENCY: (BOROUGHS, _flag("practice_multi_agency")),
    Measure.PRACTICE_UPSKILLING: (BOROUGHS, _flag("practice_upskilling")),
    Measure.PRACTICE_CO_DESIGN: (BOROUGHS, _flag("practice_co_design")),
    Measure.PRACTICE_DEFINITION: (BOROUGHS, _flag("practice_definition")),
    Measure.PRACTICE_OUTCOMES: (BOROUGHS, _flag("practice_outcomes")),
    Measure.PRACTICE_ACCOMMODATION: (BOROUGHS, _flag("practice_accommodation")),
    Measure.PILOTS_SUSTAINED_12_MONTHS: (PILOTS, _flag("sustained_12_months")),
    Measure.PILOTS_ADAPTED: (PILOTS, _flag("adapted_from_another_borough")),
}


class Titles(Aggregate):
    """The titles of the pilots counted, as a list: a borough's count of pilots and the
    pilots behind it in one row of one query (thousands of pilots nationally, where a row
    per pilot would cost more than the query)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def __init__(self, **extra):
        super().__init__("title", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra)


@dataclass(frozen=True)
class Measured:
    """What some published pilots add up to, from their kept figures."""

    counted: dict[str, Counted]  # by each measure asked for that a pilot's records meet
    pilots: int
    evidence: dict[int, Evidence]  # by borough id


def pilots_measured(pilots: QuerySet, measures: Iterable[str], today: dt.date) -> Measured:
    """What those of `measures` met by a pilot's records count among `pilots` (published),
    how many pilots there are and the evidence behind each borough: one query summing their
    kept figures by borough, after computing any missing (rare: see
    `pilots.dashboard.figures`)."""
    wanted = [m for m in dict.fromkeys(measures) if m in PILOT_MEASURES]
    met = {m: PILOT_MEASURES[m][1](today) for m in wanted}
    column = {m: f"met_{i}" for i, m in enumerate(wanted)}  # a measure's key is no SQL name
    listed = [m for m in wanted if PILOT_MEASURES[m][0] == PILOTS]  # shown by title
    rows = (
        pilots.order_by()
        .values("borough_id")
        .annotate(
            pilots=Count("pk"),
            kept=Count("figures__evidence_records"),
            **{name: Sum(f"figures__evidence_{name}") for name in EVIDENCE},
            **{column[m]: Count("pk", filter=condition) for m, condition in met.items()},
            **{f"{column[m]}_titles": Titles(filter=met[m]) for m in listed},
        )
    )
    found = list(rows)
    if any(row["kept"] < row["pilots"] for row in found):  # a pilot without kept figures
        pilot_figures_ensure(pilots)
        found = list(rows.all())
    counted = {m: Counted(PILOT_MEASURES[m][0], set()) for m in wanted}
    evidence = {}
    for row in found:
        borough_id = row["borough_id"]
        evidence[borough_id] = Evidence(row["pilots"], *(row[name] or 0 for name in EVIDENCE))
        for m in wanted:
            if row[column[m]]:
                counted[m].borough_ids.add(borough_id)
        for m in listed:
            titles = row[f"{column[m]}_titles"] or ()  # none: no pilot of it, on PostgreSQL
            counted[m].pilots.extend((borough_id, title) for title in titles)
    return Measured(counted, sum(e.pilots for e in evidence.values()), evidence)


def _published(lab: Lab) -> QuerySet:
    return Pilot.objects.published().filter(lab=lab)


def _resources_exchanged(lab: Lab) -> Counted:
    """Both ends of a peer exchange: the borough that shared and the one that reused."""
    pairs = (
        ResourceReuse.objects.filter(resource__lab=lab)
        .exclude(borough_id=F("resource__borough_id"))
        .values_list("borough_id", "resource__borough_id")
        .distinct()
    )
    return Counted(BOROUGHS, {b for pair in pairs for b in pair})


def _all_workshops(lab: Lab) -> Counted:
    held = Session.objects.filter(lab=lab, kind=Session.Kind.WORKSHOP).count()
    if not held:
        return Counted(BOROUGHS, set())
    attended = (
        Attendance.objects.filter(session__lab=lab, session__kind=Session.Kind.WORKSHOP)
        .values("borough_id")
        .annotate(n=Count("session", distinct=True))
        .filter(n=held)
    )
    return Counted(BOROUGHS, {row["borough_id"] for row in attended})


# Measures of the Lab's own records, not of its pilots.
LAB_MEASURES: dict[str, Callable[[Lab], Counted]] = {
    Measure.RESOURCES_EXCHANGED: _resources_exchanged,
    Measure.ALL_WORKSHOPS: _all_workshops,
}


def _kept(measure: str) -> Callable[[Lab, dt.date | None], Counted]:
    def count(lab: Lab, today: dt.date | None) -> Counted:
        today = today or timezone.localdate()
        return pilots_measured(_published(lab), [measure], today).counted[measure]

    return count


def _own(measure: str) -> Callable[[Lab, dt.date | None], Counted]:
    return lambda lab, today: LAB_MEASURES[measure](lab)


# Every measure, counted over a Lab's published records on a day.
LIBRARY: dict[str, Callable[[Lab, dt.date | None], Counted]] = {
    **{measure: _kept(measure) for measure in PILOT_MEASURES},
    **{measure: _own(measure) for measure in LAB_MEASURES},
}
