import pytest

from tests.pilots.indicators.world import people_reached_make


@pytest.fixture
def people_reached(lab, barnet_pilot, brent_pilot):
    """A count indicator adopted by Barnet's and Brent's seeded KPIs (see world.py)."""
    return people_reached_make(lab, barnet_pilot, brent_pilot)
