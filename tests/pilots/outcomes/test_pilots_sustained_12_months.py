"""The measure "Pilots sustained 12 months after the Lab" counts published pilots whose
approved 12-month check-in says they are still running: not a check-in waiting for review,
not a 6- or 24-month one, not a stopped pilot, not an unpublished one."""

from designlab.models import Measure, Outcome, OutcomeMeasure
from pilots.models import FollowUp
from pilots.outcomes.measures import LIBRARY
from pilots.outcomes.ratings import lab_outcomes
from tests.pilots.followups.helpers import answered

APPROVED = FollowUp.Status.APPROVED


def sustained(lab):
    return LIBRARY[Measure.PILOTS_SUSTAINED_12_MONTHS](lab, None)


def test_counts_approved_12_month_check_ins_still_running(lab, barnet_pilot, brent_pilot):
    assert sustained(lab).pilots == []
    answered(barnet_pilot, 12, APPROVED)
    answered(brent_pilot, 12, APPROVED)
    found = sustained(lab)
    assert sorted(found.pilots) == sorted(
        [(barnet_pilot.borough_id, barnet_pilot.title), (brent_pilot.borough_id, brent_pilot.title)]
    )
    assert found.borough_ids == {barnet_pilot.borough_id, brent_pilot.borough_id}


def test_what_does_not_count(lab, barnet_pilot, brent_pilot):
    answered(barnet_pilot, 12)  # waiting for review
    answered(barnet_pilot, 6, APPROVED)  # another check-in
    answered(barnet_pilot, 24, APPROVED)
    answered(brent_pilot, 12, APPROVED, still_running="no")  # stopped
    assert sustained(lab).pilots == []


def test_an_unpublished_pilot_does_not_count(lab, barnet_pilot):
    answered(barnet_pilot, 12, APPROVED)
    barnet_pilot.unpublish()
    assert sustained(lab).pilots == []


def test_an_outcome_may_rate_it(lab, barnet_pilot):
    outcome = Outcome.objects.create(lab=lab, number=9, statement="Pilots last.")
    OutcomeMeasure.objects.create(
        outcome=outcome, measure=Measure.PILOTS_SUSTAINED_12_MONTHS, success_from=2,
        partial_from=1,
    )  # fmt: skip
    answered(barnet_pilot, 12, APPROVED)
    result = next(o for o in lab_outcomes(lab) if o.number == 9)
    [measure] = result.measures
    assert (measure.label, measure.count, measure.rating_label) == (
        "Pilots sustained 12 months after the Lab", 1, "Partial success"
    )  # fmt: skip
