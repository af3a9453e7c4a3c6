"""Convenors choose measures from the library and set thresholds that make sense."""

import pytest
from django.core.exceptions import ValidationError

from designlab.models import Measure, Outcome, OutcomeMeasure
from pilots.outcomes.measures import LIBRARY
from pilots.outcomes.ratings import lab_outcomes


def test_every_measure_in_the_library_is_computed():
    assert set(LIBRARY) == set(Measure.values)


def test_every_measure_computes_on_the_2023_lab(lab):
    outcome = Outcome.objects.create(lab=lab, number=9, statement="All measures")
    for order, key in enumerate(Measure.values):
        OutcomeMeasure.objects.create(outcome=outcome, measure=key, rated=False, sort_order=order)

    result = next(o for o in lab_outcomes(lab) if o.number == 9)

    assert [m.key for m in result.measures] == Measure.values
    assert result.rating is None and result.rating_label == "Not rated"
    assert all(0 <= m.count <= m.total for m in result.measures)


def test_partial_cannot_need_more_than_success(lab):
    measure = OutcomeMeasure(measure=Measure.NEW_PARTNERSHIP, success_from=3, partial_from=6)

    with pytest.raises(ValidationError, match="Partial success cannot need more"):
        measure.clean()


def test_a_rated_measure_needs_both_thresholds(lab):
    measure = OutcomeMeasure(measure=Measure.NEW_PARTNERSHIP, rated=True, success_from=6)

    with pytest.raises(ValidationError) as raised:
        measure.clean()
    assert "partial_from" in raised.value.message_dict


def test_a_measure_outside_the_library_is_refused(lab):
    outcome = Outcome.objects.get(lab=lab, number=1)
    measure = OutcomeMeasure(outcome=outcome, measure="made_up", rated=False)

    with pytest.raises(ValidationError) as raised:
        measure.full_clean()
    assert "measure" in raised.value.message_dict


def test_an_outcome_is_the_lowest_rating_of_its_rated_measures(lab):
    outcome = Outcome.objects.get(lab=lab, number=3)
    OutcomeMeasure.objects.create(
        outcome=outcome, measure=Measure.ACCOMMODATION_CONTACT, rated=True,
        success_from=11, partial_from=8, sort_order=9,
    )  # fmt: skip

    result = lab_outcomes(lab)[2]

    assert result.rating_label == "Not met"  # 4 of 11 in contact, partial needs 8
