"""The measure "Pilots adapted from another borough's practice" counts a Lab's published
pilots adapted from a published pilot of a different borough, in any Lab."""

import pytest

from designlab.models import Measure, Outcome, OutcomeMeasure
from pilots.models import Pilot
from pilots.outcomes.ratings import lab_outcomes


@pytest.fixture
def measured(lab):
    outcome = Outcome.objects.get(lab=lab, number=1)
    OutcomeMeasure.objects.create(outcome=outcome, measure=Measure.PILOTS_ADAPTED, rated=False)

    def count() -> tuple[int, list[str]]:
        found = next(
            m for o in lab_outcomes(lab) for m in o.measures if m.key == Measure.PILOTS_ADAPTED
        )
        return found.count, found.pilots

    return count


def _adapt(pilot: Pilot, source: Pilot) -> None:
    pilot.adapted_from = source
    pilot.save_revision().publish()


def test_the_measure_is_in_the_library():
    assert Measure.PILOTS_ADAPTED.label == "Pilots adapted from another borough's practice"


def test_counts_pilots_adapted_from_another_borough(measured, barnet_pilot, brent_pilot):
    assert measured() == (0, [])
    _adapt(barnet_pilot, brent_pilot)
    assert measured() == (1, [f"Barnet: {barnet_pilot.title}"])


def test_a_boroughs_own_practice_does_not_count(measured, lab, barnet_pilot):
    other = Pilot.objects.create(lab=lab, borough=barnet_pilot.borough, title="Barnet again",
                                 activity="x", live=True)  # fmt: skip
    _adapt(other, barnet_pilot)
    assert measured() == (0, [])


def test_a_draft_link_or_an_unpublished_source_does_not_count(measured, barnet_pilot, brent_pilot):
    barnet_pilot.adapted_from = brent_pilot
    barnet_pilot.save_revision()  # not approved yet
    assert measured() == (0, [])
    barnet_pilot.save_revision().publish()
    assert measured()[0] == 1
    brent_pilot.unpublish()
    assert measured() == (0, [])
