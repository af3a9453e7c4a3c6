import pytest

from tests.pilots.access.access_matrix_world import BOROUGH_OF_SIDE, side_build


@pytest.fixture
def world(lab):
    """Barnet ("own") and Brent ("other"), each with the objects the matrix acts on; and
    a shared indicator of the Lab (programme-level: the same for both sides)."""
    from designlab.models import SharedIndicator

    indicator = SharedIndicator.objects.create(
        name="People reached", slug="people-reached", definition="People the pilot reached."
    )
    indicator.labs.add(lab)
    return {side: side_build(BOROUGH_OF_SIDE[side], lab) for side in ("own", "other")}
