"""Progress over time on a case study: each KPI's published series (small counts masked),
and the pilot's timeline of milestones reached and dated changes of stage.

Both are read for the whole pilot at once, so the page asks the same number of queries
however many readings, milestones and versions the pilot has.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from pilots.models import KPI, KPIReading, Pilot, Stage, Status
from toolkit.published import kpi_period_targets
from toolkit.suppression import suppressed


@dataclass(frozen=True)
class Point:
    """One period of a KPI as the public sees it. A masked reading has no value, no
    status and no story: any of them could give the value away."""

    period_start: dt.date
    value: Decimal | None
    suppressed: bool
    target: Decimal | None  # the period's own target, else the KPI's
    status: Status | None
    what_happened: str
    next_step: str


def pilot_series(
    pilot: Pilot, kpis: list[KPI], withheld: set[tuple[int, dt.date]]
) -> dict[int, list[Point]]:
    """Each KPI's published readings, oldest first, by KPI id, those in `withheld` (from
    `readings_hidden`) without value, status or story. `kpis` have their `targets`
    prefetched."""
    readings = defaultdict(list)
    published = (
        KPIReading.objects.published()
        .filter(kpi__pilot=pilot)
        .only("kpi_id", "period_start", "value", "what_happened", "next_step")
        .order_by("period_start")
    )
    for reading in published:
        readings[reading.kpi_id].append(reading)
    series = {}
    for kpi in kpis:
        targets = kpi_period_targets(kpi)
        baseline_hidden = kpi.counts_people and suppressed(kpi.baseline)
        points = []
        for reading in readings[kpi.pk]:
            hidden = (kpi.pk, reading.period_start) in withheld
            value = None if hidden else reading.value
            own = targets.get(reading.period_start)
            shown = not hidden and not baseline_hidden
            status = kpi.status_against_target(value, period_target=own) if shown else None
            points.append(
                Point(
                    period_start=reading.period_start,
                    value=value,
                    suppressed=hidden,
                    target=own if own is not None else kpi.target,
                    status=status,
                    what_happened="" if hidden else reading.what_happened,
                    next_step="" if hidden else reading.next_step,
                )
            )
        series[kpi.pk] = points
    return series


@dataclass(frozen=True)
class Event:
    on: dt.date
    text: str
    kind: str  # "stage", "milestone", "dates"


def pilot_timeline(pilot: Pilot) -> list[Event]:
    """The milestones reached, the pilot's start and end, and each published change of
    stage with the day it was published, oldest first."""
    events = [
        Event(m.done_on, f"Milestone reached: {m.title}", "milestone")
        for m in pilot.milestones.all()
        if m.done_on is not None
    ]
    if pilot.actual_start:
        events.append(Event(pilot.actual_start, "The pilot started", "dates"))
    if pilot.actual_end:
        events.append(Event(pilot.actual_end, "The pilot ended", "dates"))
    events += _stage_changes(pilot)
    return sorted(events, key=lambda e: (e.on, e.kind))


def _stage_changes(pilot: Pilot) -> list[Event]:
    """The stage of each published version, from the audit log: only approved versions
    are published, so a draft's stage never shows."""
    published = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Pilot),
            object_id=str(pilot.pk),
            action="wagtail.publish",
            revision__isnull=False,
        )
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision__content__stage")
    )
    labels = dict(Stage.choices)
    events, previous = [], None
    for timestamp, stage in published:
        if stage and stage != previous and stage in labels:
            events.append(Event(timestamp.date(), f"Stage: {labels[stage]}", "stage"))
        previous = stage
    return events
