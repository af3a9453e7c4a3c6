import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_dashboard_cache():
    # Each test's database is rolled back, so figures kept by an earlier test are stale.
    cache.clear()
    yield
    cache.clear()
