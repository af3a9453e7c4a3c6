"""Check-ins as an officer would have answered them, for tests that need one in a given
state (a test of the form or the review goes through the page instead)."""

import datetime as dt

from pilots.models import FollowUp, Pilot

ANSWERS = {
    "still_running": "yes",
    "funded_by": "the council's core budget",
    "mainstream": "partly",
    "spread": "no",
    "update": "Now part of the welcome team's offer.",
}


def answered(
    pilot: Pilot, months: int, status: str = FollowUp.Status.SUBMITTED, **answers: str
) -> FollowUp:
    """The pilot's check-in `months` after its Lab, answered on its due date."""
    due_on = pilot.lab.follow_up_due_on(months)
    return FollowUp.objects.create(
        pilot=pilot, months_after=months, due_on=due_on, status=status,
        answered_on=due_on + dt.timedelta(days=10), **(ANSWERS | answers),
    )  # fmt: skip


def all_answered(pilot: Pilot, status: str = FollowUp.Status.SUBMITTED) -> None:
    """Every check-in the pilot's Lab asks for, answered: none is due any more."""
    for months in pilot.lab.follow_up_months:
        answered(pilot, months, status)
