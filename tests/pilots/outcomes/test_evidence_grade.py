"""The strength of evidence behind a rating, graded by one rule (`EVIDENCE_RULE`): each
branch of the rule, and the grade following the records it is worked out from."""

import datetime as dt

import pytest

from designlab.models import Provenance
from pilots.models import KPI, Evaluation, KPIReading, Partnership, Pilot
from pilots.outcomes.evidence import EVIDENCE_RULE, Evidence, Grade, pilot_evidence
from pilots.outcomes.ratings import lab_outcomes


def evidence(**figures) -> Evidence:
    # Two pilots, ten records, ten readings; each test changes what it is about.
    return Evidence(**{"pilots": 2, "records": 10, "reported": 10, "evaluated": 2,
                       "completed": 2, "readings": 10, "approved": 10, **figures})  # fmt: skip


@pytest.mark.parametrize(
    "figures, grade",
    [
        ({}, Grade.STRONG),
        ({"reported": 8, "completed": 1, "approved": 8}, Grade.STRONG),  # each at its threshold
        ({"reported": 4}, Grade.ILLUSTRATIVE),  # most records illustrative
        ({"reported": 7}, Grade.MODERATE),  # below 80% stated: not Strong
        ({"completed": 0}, Grade.MODERATE),  # evaluated, none completed systematically
        ({"approved": 7}, Grade.MODERATE),  # fewer than 80% of readings approved
        ({"completed": 0, "evaluated": 1, "approved": 5}, Grade.MODERATE),  # half and half
        ({"completed": 0, "evaluated": 0}, Grade.LIMITED),  # no evaluation under way
        ({"approved": 4}, Grade.LIMITED),  # most readings not approved
        ({"readings": 0, "approved": 0}, Grade.LIMITED),  # no readings at all
        (
            {
                "pilots": 0,
                "records": 0,
                "reported": 0,
                "evaluated": 0,
                "completed": 0,
                "readings": 0,
                "approved": 0,
            },
            Grade.LIMITED,
        ),  # nothing behind it  # fmt: skip
    ],
)
def test_each_branch_of_the_rule(figures, grade):
    assert evidence(**figures).grade == grade


def test_the_rule_is_stated_with_every_grade_and_threshold():
    for grade in Grade:
        assert f"{grade.label}:" in EVIDENCE_RULE
    assert "80%" in EVIDENCE_RULE and "half" in EVIDENCE_RULE


def test_evidence_adds_up():
    assert evidence() + evidence(readings=12) == Evidence(4, 20, 20, 4, 4, 22, 20)


@pytest.fixture
def pilot(lab, barnet_pilot):
    """A published pilot with a completed survey, a partnership and two approved readings:
    every record stated in the source."""
    pilot = Pilot.objects.create(lab=lab, borough=barnet_pilot.borough, title="Graded",
                                 activity="x", live=True)  # fmt: skip
    Evaluation.objects.create(pilot=pilot, method="survey", measures="x", status="complete")
    Partnership.objects.create(pilot=pilot, partner="A charity", partner_type="vcs")
    kpi = KPI.objects.create(pilot=pilot, name="Sessions", baseline=0, target=10)
    for month in (7, 8):
        kpi.readings.create(period_start=dt.date(2023, month, 1), value=5, status="approved")
    return pilot


def test_a_pilots_grade_follows_its_records(pilot):
    assert pilot_evidence(pilot).grade == Grade.STRONG
    assert pilot_evidence(pilot) == Evidence(1, 3, 3, 1, 1, 2, 2)

    pilot.evaluations.update(method=Evaluation.Method.FEEDBACK_FORMS)
    assert pilot_evidence(pilot).grade == Grade.MODERATE  # feedback forms alone

    pilot.evaluations.update(status=Evaluation.Status.PLANNED)
    assert pilot_evidence(pilot).grade == Grade.LIMITED  # not under way

    pilot.evaluations.update(status=Evaluation.Status.IN_PROGRESS)
    KPIReading.objects.filter(kpi__pilot=pilot).update(status=KPIReading.Status.SUBMITTED)
    assert pilot_evidence(pilot).grade == Grade.LIMITED  # no reading approved yet

    KPIReading.objects.filter(kpi__pilot=pilot).update(status=KPIReading.Status.DRAFT)
    assert pilot_evidence(pilot).readings == 0  # an officer's drafts are not evidence

    Pilot.objects.filter(pk=pilot.pk).update(provenance=Provenance.ILLUSTRATIVE)
    pilot.evaluations.update(provenance=Provenance.ILLUSTRATIVE)
    assert pilot_evidence(Pilot.objects.get(pk=pilot.pk)).grade == Grade.ILLUSTRATIVE


def test_an_outcomes_grade_sums_the_boroughs_its_measures_counted(lab, convenor):
    from pilots.readings.review import reading_reopen

    before = {o.number: o.evidence for o in lab_outcomes(lab)}
    for number, found in before.items():
        assert found.pilots > 0, number
        assert before[number].grade in Grade

    # Outcome 2 counts Brent (an implemented evaluation): a convenor reopens its readings.
    for reading in KPIReading.objects.filter(kpi__pilot__borough__slug="brent", status="approved"):
        reading_reopen(reading, reason="Check the count.", user=convenor)
    after = {o.number: o.evidence for o in lab_outcomes(lab)}
    assert after[2].approved < before[2].approved
    assert after[2].readings == before[2].readings


def test_grades_are_never_stored_in_snapshots(lab):
    from pilots.outcomes.ratings import outcomes_snapshot_take

    snapshot = outcomes_snapshot_take(lab)
    assert all("evidence" not in o and "evidence_grade" not in o for o in snapshot.results)
