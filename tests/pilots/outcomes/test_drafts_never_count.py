"""Only published records count: drafts live in revisions and never reach a rating."""

from pilots.models import Evaluation, Pilot
from pilots.outcomes.ratings import lab_outcomes


def _evaluations(lab):
    return next(m for m in lab_outcomes(lab)[1].measures if m.key == "evaluation_implemented")


def test_a_draft_change_to_a_live_pilot_does_not_count(lab, barnet_pilot):
    barnet_pilot.evaluations.add(
        Evaluation(method=Evaluation.Method.SURVEY, measures="x", status="complete")
    )
    barnet_pilot.save_revision()  # saved as a draft, not published

    assert _evaluations(lab).count == 5
    assert "Barnet" not in _evaluations(lab).boroughs
    assert lab_outcomes(lab)[1].rating_label == "Partial success"


def test_a_pilot_never_published_does_not_count(lab, barnet_pilot):
    draft = Pilot(lab=lab, borough=barnet_pilot.borough, title="Draft idea", activity="-",
                  live=False)  # fmt: skip
    draft.evaluations = [
        Evaluation(method=Evaluation.Method.SURVEY, measures="x", status="complete")
    ]
    draft.save()
    draft.save_revision()

    assert _evaluations(lab).count == 5
    assert lab_outcomes(lab)[1].rating_label == "Partial success"
