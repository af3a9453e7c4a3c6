"""The library of measures: how each counts boroughs (or pilots) over a Lab's published
records. The vocabulary is `designlab.models.Measure`; the thresholds that rate a count
are on each outcome (`designlab.models.OutcomeMeasure`).

Every counter costs a fixed number of queries whatever the amount of data.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet

from designlab.models import Attendance, Lab, Measure, Session
from pilots.models import (
    Evaluation,
    FollowUp,
    Partnership,
    Pilot,
    PracticeChange,
    ResourceReuse,
    Stage,
)

BOROUGHS, PILOTS = "boroughs", "pilots"


@dataclass(frozen=True)
class Counted:
    """What a measure found: borough ids, and for pilot measures (borough id, title) pairs."""

    unit: str
    borough_ids: set[int]
    pilots: list[tuple[int, str]] = field(default_factory=list)


def _published(lab: Lab) -> QuerySet:
    return Pilot.objects.published().filter(lab=lab)


def _ids(queryset: QuerySet, path: str = "pilot__borough_id") -> set[int]:
    return set(queryset.order_by().values_list(path, flat=True).distinct())


def _pilot_designed(lab: Lab, today: dt.date) -> Counted:
    return Counted(BOROUGHS, _ids(_published(lab), "borough_id"))


def _pilots_on_track(lab: Lab, today: dt.date) -> Counted:
    """Completed (or scaling up), or no milestone late: none done after its due date
    and none still open past it."""
    rows = (
        _published(lab)
        .with_late_milestones(today)
        .filter(Q(stage__in=[Stage.COMPLETED, Stage.SCALING]) | Q(late_milestones=0))
        .order_by()
        .values_list("borough_id", "title")
    )
    pilots = list(rows)
    return Counted(PILOTS, {b for b, _ in pilots}, pilots)


def _evaluation_implemented(lab: Lab, today: dt.date) -> Counted:
    evaluations = Evaluation.objects.published().filter(
        pilot__lab=lab, status__in=Evaluation.IMPLEMENTED
    )
    return Counted(BOROUGHS, _ids(evaluations))


def _new_partnership(lab: Lab, today: dt.date) -> Counted:
    partnerships = Partnership.objects.published().filter(pilot__lab=lab, is_new=True)
    return Counted(BOROUGHS, _ids(partnerships))


def _accommodation_contact(lab: Lab, today: dt.date) -> Counted:
    """A partnership with an accommodation provider, or closer communication with one."""
    partners = Partnership.objects.published().filter(
        pilot__lab=lab, partner_type=Partnership.PartnerType.ACCOMMODATION
    )
    changes = PracticeChange.objects.published().filter(
        pilot__lab=lab, kind=PracticeChange.Kind.ACCOMMODATION
    )
    return Counted(BOROUGHS, _ids(partners) | _ids(changes))


def _resources_exchanged(lab: Lab, today: dt.date) -> Counted:
    """Both ends of a peer exchange: the borough that shared and the one that reused."""
    pairs = (
        ResourceReuse.objects.filter(resource__lab=lab)
        .exclude(borough_id=F("resource__borough_id"))
        .values_list("borough_id", "resource__borough_id")
        .distinct()
    )
    return Counted(BOROUGHS, {b for pair in pairs for b in pair})


def _all_workshops(lab: Lab, today: dt.date) -> Counted:
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


def _practice(kind: str) -> Callable[[Lab, dt.date], Counted]:
    def count(lab: Lab, today: dt.date) -> Counted:
        changes = PracticeChange.objects.published().filter(pilot__lab=lab, kind=kind)
        return Counted(BOROUGHS, _ids(changes))

    return count


def _pilots_sustained_12_months(lab: Lab, today: dt.date) -> Counted:
    """Published pilots whose approved 12-month check-in says they are still running."""
    rows = (
        FollowUp.objects.published()
        .filter(pilot__lab=lab, months_after=12, still_running=FollowUp.YesNo.YES)
        .order_by()
        .values_list("pilot__borough_id", "pilot__title")
    )
    pilots = list(rows)
    return Counted(PILOTS, {b for b, _ in pilots}, pilots)


LIBRARY: dict[str, Callable[[Lab, dt.date], Counted]] = {
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
    Measure.PILOTS_SUSTAINED_12_MONTHS: _pilots_sustained_12_months,
}
