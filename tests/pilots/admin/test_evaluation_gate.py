"""Evaluation at design stage: a pilot cannot move into delivery without an evaluation
plan (method and what will be measured) unless a convenor records why it may. An
officer posting an override is not obeyed."""

import pytest
from django.urls import reverse

from pilots.models import Evaluation, Pilot, Stage
from tests.pilots.access.access_matrix_world import form_data

GATE = "cannot move into delivery without an evaluation plan"


@pytest.fixture
def designing_pilot(barnet_pilot):
    pilot = Pilot.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Befriending scheme",
        activity="Pairing new arrivals with local volunteers.", stage=Stage.DESIGNING,
    )  # fmt: skip
    pilot.save_revision().publish()
    return pilot


def edit(client, user, pilot, **changes):
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])
    client.force_login(user)
    data = form_data(client.get(url)) | changes
    return client.post(url, data)


def saved_stage(pilot) -> str:
    pilot.refresh_from_db()
    return pilot.get_latest_revision_as_object().stage


def test_officer_cannot_move_pilot_into_delivery_without_a_plan(
    client, barnet_officer, designing_pilot
):
    response = edit(client, barnet_officer, designing_pilot, stage=Stage.IN_DELIVERY)
    assert response.status_code == 200 and GATE in response.content.decode()
    assert saved_stage(designing_pilot) == Stage.DESIGNING


def test_officer_posting_an_override_is_refused(client, barnet_officer, designing_pilot):
    response = edit(client, barnet_officer, designing_pilot, stage=Stage.IN_DELIVERY,
                    evaluation_override_reason="We are in a hurry")  # fmt: skip
    assert GATE in response.content.decode()
    designing_pilot.refresh_from_db()
    assert designing_pilot.evaluation_override_reason == ""
    assert saved_stage(designing_pilot) == Stage.DESIGNING


def test_convenor_override_with_reason_lets_it_through(client, convenor, designing_pilot):
    reason = "Emergency winter provision; evaluation follows in May."
    response = edit(
        client,
        convenor,
        designing_pilot,
        stage=Stage.IN_DELIVERY,
        evaluation_override_reason=reason,
    )
    assert response.status_code == 302
    designing_pilot.refresh_from_db()
    latest = designing_pilot.get_latest_revision_as_object()
    assert latest.stage == Stage.IN_DELIVERY
    assert latest.evaluation_override_reason.startswith("Emergency winter provision")


def test_pilot_with_an_evaluation_plan_moves_into_delivery(client, barnet_officer, designing_pilot):
    designing_pilot.evaluations.add(
        Evaluation(method=Evaluation.Method.SURVEY, measures="Volunteer retention at three months")
    )
    designing_pilot.save_revision().publish()
    response = edit(client, barnet_officer, designing_pilot, stage=Stage.IN_DELIVERY)
    assert response.status_code in (200, 302) and GATE not in response.content.decode()
    assert saved_stage(designing_pilot) == Stage.IN_DELIVERY


def test_plan_added_in_the_same_save_lets_it_through(client, barnet_officer, designing_pilot):
    response = edit(
        client, barnet_officer, designing_pilot, stage=Stage.IN_DELIVERY,
        **{"evaluations-TOTAL_FORMS": "1", "evaluations-0-method": "survey",
           "evaluations-0-measures": "Volunteer retention", "evaluations-0-status": "planned",
           "evaluations-0-provenance": "reported", "evaluations-0-ORDER": "1"},
    )  # fmt: skip
    assert GATE not in response.content.decode()
    assert saved_stage(designing_pilot) == Stage.IN_DELIVERY


def test_model_clean_refuses_at_every_door(designing_pilot):
    from django.core.exceptions import ValidationError

    designing_pilot.stage = Stage.IN_DELIVERY
    with pytest.raises(ValidationError, match=GATE):
        designing_pilot.full_clean()


def test_pausing_at_design_stage_does_not_get_round_the_gate(
    client, barnet_officer, convenor, designing_pilot
):
    Pilot.objects.filter(pk=designing_pilot.pk).update(stage=Stage.PAUSED)
    designing_pilot.refresh_from_db()
    designing_pilot.save_revision().publish()
    response = edit(client, barnet_officer, designing_pilot, stage=Stage.IN_DELIVERY)
    assert response.status_code == 200 and GATE in response.content.decode()
    assert saved_stage(designing_pilot) == Stage.PAUSED


def test_a_pilot_already_in_delivery_can_still_be_edited(client, barnet_officer, designing_pilot):
    """Pilots in delivery without a plan are flagged on the home page, not frozen."""
    Pilot.objects.filter(pk=designing_pilot.pk).update(stage=Stage.IN_DELIVERY)
    designing_pilot.refresh_from_db()
    designing_pilot.save_revision().publish()
    response = edit(client, barnet_officer, designing_pilot, title="Befriending scheme (phase 1)")
    assert GATE not in response.content.decode()
    designing_pilot.refresh_from_db()
    assert designing_pilot.get_latest_revision_as_object().title == "Befriending scheme (phase 1)"
