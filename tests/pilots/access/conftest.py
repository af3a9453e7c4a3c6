import pytest

from tests.pilots.access.access_matrix_world import BOROUGH_OF_SIDE, side_build


@pytest.fixture
def world(lab):
    """Barnet ("own") and Brent ("other"), each with the objects the matrix acts on."""
    return {side: side_build(BOROUGH_OF_SIDE[side], lab) for side in ("own", "other")}
