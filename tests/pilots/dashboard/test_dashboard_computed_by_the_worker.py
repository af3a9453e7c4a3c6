"""With a broker, a real worker computes a Lab's dashboard once a change to its pilots
commits, into the cache the app servers share: the convenor who opens the dashboard next
reads kept figures, in as few queries as any visit with nothing changed."""

import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pilots.dashboard.cache import dashboard_version
from tests.pilots.returns.test_return_via_worker import kpi_with_a_due_period

SHARED_CACHE = "redis://127.0.0.1:6379/13"


@pytest.fixture
def shared_cache(monkeypatch, settings):
    """The test and the worker it starts keep the dashboard in one Redis cache."""
    from django.core.cache import cache

    monkeypatch.setenv("CACHE_URL", SHARED_CACHE)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": SHARED_CACHE}}  # fmt: skip
    cache.clear()
    yield
    cache.clear()


def _queries(client, lab) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("lab_dashboard"), {"lab": lab.pk})
    assert response.status_code == 200
    return len(captured)


def test_the_worker_computes_the_dashboard_before_the_convenor_opens_it(
    shared_cache, celery_worker_process, client
):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    pilot = kpi_with_a_due_period().pilot
    lab = pilot.lab
    client.force_login(get_user_model().objects.get(username="convenor"))
    _queries(client, lab)
    kept = _queries(client, lab)  # nothing changed: every figure read from the cache

    with transaction.atomic():
        pilot.key_lesson = "Recruit volunteers before the first session."
        pilot.save_revision().publish()
    # The figures as first shown (no filter), under the version the commit started.
    shown = f"pilots:dashboard:0:{dashboard_version()}:{lab.pk}:::{timezone.localdate()}"
    deadline = time.monotonic() + 60
    while cache.get(shown) is None and time.monotonic() < deadline:
        time.sleep(0.1)

    assert cache.get(shown) is not None, "the worker did not compute the dashboard"
    assert _queries(client, lab) == kept
    assert celery_worker_process.poll() is None
