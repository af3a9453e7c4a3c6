"""Which pilots owe which follow-up check-in: the one rule, for the admin home page, the
form and the reminders.

A pilot of a Lab owes the check-in of each of the Lab's `follow_up_months` once its due
date (the Lab's end plus those months, `Lab.follow_up_due_on`) has come, until it submits
one; a pilot that an approved check-in says has stopped owes no later ones. Only pilots
that were published count: a draft never approved was not one of the Lab's pilots.

Costs two queries whatever the number of pilots and Labs.
"""

import datetime as dt
from dataclasses import dataclass

from designlab.models import Borough
from pilots.models import FollowUp, Pilot

ANSWERED = (FollowUp.Status.SUBMITTED, FollowUp.Status.APPROVED)


@dataclass
class DueFollowUp:
    pilot: Pilot
    months_after: int
    due_on: dt.date
    follow_up: FollowUp | None  # a draft or a returned check-in, if one was started


def follow_ups_due(today: dt.date, borough: Borough | None = None) -> list[DueFollowUp]:
    """The check-ins owed on `today`, of `borough`'s pilots or of every borough's, by due
    date, borough and pilot."""
    pilots = (
        Pilot.objects.ever_published()
        .filter(lab__ends_on__lt=today)
        .select_related("lab", "borough")
    )
    if borough is not None:
        pilots = pilots.filter(borough=borough)
    pilots = list(pilots)
    started = {
        (f.pilot_id, f.months_after): f
        for f in FollowUp.objects.filter(pilot__in=[p.pk for p in pilots])
    }
    stopped = {}  # pilot id → the first check-in approved as no longer running
    for (pk, months), follow_up in started.items():
        if follow_up.status == FollowUp.Status.APPROVED and not follow_up.running:
            stopped[pk] = min(months, stopped.get(pk, months))
    due = []
    for pilot in pilots:
        for months in sorted(pilot.lab.follow_up_months):
            due_on = pilot.lab.follow_up_due_on(months)
            if due_on > today or months > stopped.get(pilot.pk, months):
                continue
            follow_up = started.get((pilot.pk, months))
            if follow_up is None or follow_up.status not in ANSWERED:
                due.append(DueFollowUp(pilot, months, due_on, follow_up))
    return sorted(due, key=lambda d: (d.due_on, d.pilot.borough.name, d.pilot.title, d.pilot.pk))


def follow_up_owed(pilot: Pilot, months_after: int, today: dt.date) -> bool:
    """Whether the check-in `months_after` is one of the pilot's Lab's and has fallen due."""
    return months_after in pilot.lab.follow_up_months and (
        pilot.lab.follow_up_due_on(months_after) <= today
    )
