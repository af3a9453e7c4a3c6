"""Convenors set a Lab's outcomes, measures and thresholds in the admin; officers cannot."""

from django.urls import reverse

from designlab.models import Outcome
from tests.refusals import refused


def test_a_convenor_edits_an_outcome_with_its_measures(client, convenor, lab):
    client.force_login(convenor)
    outcome = Outcome.objects.get(lab=lab, number=2)

    response = client.get(reverse("wagtailsnippets_designlab_outcome:edit", args=[outcome.pk]))

    assert response.status_code == 200
    assert "Boroughs with an implemented evaluation" in response.text


def test_an_officer_cannot_list_or_edit_outcomes(client, barnet_officer, lab):
    client.force_login(barnet_officer)
    outcome = Outcome.objects.get(lab=lab, number=2)

    listing = client.get(reverse("wagtailsnippets_designlab_outcome:list"))
    edit = client.post(
        reverse("wagtailsnippets_designlab_outcome:edit", args=[outcome.pk]), {"number": 7}
    )

    assert refused(listing) and refused(edit)
    outcome.refresh_from_db()
    assert outcome.number == 2


def _outcome_form(outcome, **measure):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data(
        {
            "lab": outcome.lab_id,
            "number": outcome.number,
            "statement": outcome.statement,
            "measures": inline_formset(
                [
                    {
                        "measure": "new_partnership",
                        "rated": "on",
                        "success_from": 6,
                        "partial_from": 1,
                        "rationale": "Majority.",
                        **measure,
                    }
                ]  # fmt: skip
            ),
        }
    )


def test_thresholds_out_of_order_are_refused_and_nothing_changes(client, convenor, lab):
    client.force_login(convenor)
    outcome = Outcome.objects.get(lab=lab, number=3)
    before = list(outcome.measures.values_list("measure", "success_from", "partial_from"))

    response = client.post(
        reverse("wagtailsnippets_designlab_outcome:edit", args=[outcome.pk]),
        _outcome_form(outcome, success_from=3, partial_from=6),
    )

    assert response.status_code == 200
    assert "Partial success cannot need more than Success." in response.text
    assert list(outcome.measures.values_list("measure", "success_from", "partial_from")) == before


def test_a_convenor_changes_a_threshold_and_the_rating_follows(client, convenor, lab):
    from pilots.outcomes.ratings import lab_outcomes

    client.force_login(convenor)
    outcome = Outcome.objects.get(lab=lab, number=3)

    response = client.post(
        reverse("wagtailsnippets_designlab_outcome:edit", args=[outcome.pk]),
        _outcome_form(outcome, measure="accommodation_contact", success_from=6, partial_from=3),
    )

    assert response.status_code == 302
    result = lab_outcomes(lab)[2]
    rated = [(m.key, m.rating_label) for m in result.measures if m.rated]
    assert ("accommodation_contact", "Partial success") in rated  # 4 in contact: partial from 3
    assert result.rating_label == "Partial success"  # the lowest of its rated measures
