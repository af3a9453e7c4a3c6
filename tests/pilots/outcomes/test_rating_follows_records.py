"""The rating is computed from the records: change a published record and it moves."""

from designlab.models import Borough, Participation
from pilots.models import Evaluation, Pilot
from pilots.outcomes.ratings import lab_outcomes


def _rating(lab, number):
    return next(o for o in lab_outcomes(lab) if o.number == number).rating_label


def _publish_evaluation(pilot, status=Evaluation.Status.IN_PROGRESS):
    pilot.evaluations.add(
        Evaluation(method=Evaluation.Method.SURVEY, measures="Take-up", status=status)
    )
    pilot.save_revision().publish()


def test_one_more_published_evaluation_makes_outcome_2_a_success(lab, barnet_pilot):
    assert _rating(lab, 2) == "Partial success"

    _publish_evaluation(barnet_pilot)

    assert _rating(lab, 2) == "Success"
    evaluation = next(m for m in lab_outcomes(lab)[1].measures if m.key == "evaluation_implemented")
    assert (evaluation.count, evaluation.total) == (6, 11)
    assert "Barnet" in evaluation.boroughs


def test_a_planned_evaluation_is_not_implemented(lab, barnet_pilot):
    _publish_evaluation(barnet_pilot, status=Evaluation.Status.PLANNED)

    assert _rating(lab, 2) == "Partial success"


def test_unpublishing_a_pilot_takes_its_evidence_away(lab):
    Pilot.objects.get(borough__slug="brent").unpublish()

    measures = {m.key: m for m in lab_outcomes(lab)[1].measures}
    assert measures["evaluation_implemented"].count == 4
    assert measures["pilot_designed"].count == 10
    assert _rating(lab, 2) == "Partial success"  # 10 of 11 designed: partial under 2023


def test_boroughs_outside_the_lab_are_not_counted(lab):
    outsider = Borough.objects.get(name="Camden")
    assert not Participation.objects.filter(lab=lab, borough=outsider).exists()
    pilot = Pilot(lab=lab, borough=outsider, title="Not in the cohort", activity="-")
    pilot.save()
    _publish_evaluation(pilot)

    evaluation = next(m for m in lab_outcomes(lab)[1].measures if m.key == "evaluation_implemented")
    assert evaluation.count == 5
    assert "Camden" not in evaluation.boroughs
