"""A database that stops answering (its host or network silent: connections stay open, no
reply comes) must not hang the site: /health/ answers 503 within about its check timeout,
a cached public page is still served, and a request with a login cookie gets the health
answer, not a 500. Reproduced for real: a gunicorn server reaches PostgreSQL through a TCP
proxy that stops forwarding. Runs on PostgreSQL runs only."""

import time

import pytest
import requests

from tests.cms.app_servers import (
    SilentProxy,
    app_server,
    page_cache_clear,
    sign_in,
)

pytestmark = [pytest.mark.slow]
PAGE = "/toolkit/esol/"


@pytest.fixture
def silent_database(shared_services_settings, seeded_database):
    from django.db import connection

    services = dict(shared_services_settings)
    db = connection.settings_dict
    proxy = SilentProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    services["DATABASE_URL"] = f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"
    services["DATABASE_CONNECT_TIMEOUT"] = "2"
    page_cache_clear(services["CACHE_URL"])
    try:
        with app_server(services, workers=2) as base:
            yield proxy, base
    finally:
        proxy.close()


def timed_get(url: str, **kwargs) -> tuple[requests.Response, float]:
    started = time.monotonic()
    response = requests.get(url, timeout=30, allow_redirects=False, **kwargs)
    return response, time.monotonic() - started


def test_a_silent_database_is_reported_at_once_and_cached_pages_still_serve(silent_database):
    proxy, base = silent_database
    visitor = requests.Session()
    assert visitor.get(base + PAGE, timeout=10).status_code == 200
    assert visitor.get(base + PAGE, timeout=10).headers["X-Page-Cache"] == "hit"
    officer = requests.Session()
    assert sign_in(officer, base, "convenor", "designlab-demo").status_code == 302
    healthy, healthy_seconds = timed_get(base + "/health/")
    assert healthy.status_code == 200 and healthy.json()["checks"]["database"] == {"ok": True}

    proxy.silence()
    down, down_seconds = timed_get(base + "/health/")
    assert down.status_code == 503
    assert down.json()["status"] == "down"
    assert down.json()["checks"]["database"]["ok"] is False
    assert down.json()["checks"]["cache"] == {"ok": True}
    assert down_seconds < 3  # the check's own deadline (1 s), not gunicorn's 30 s timeout

    page, page_seconds = timed_get(base + PAGE)
    assert page.status_code == 200 and page.headers["X-Page-Cache"] == "hit"
    assert page_seconds < 2

    with_login, _ = timed_get(base + "/health/", cookies=officer.cookies)
    assert with_login.status_code == 503
    assert with_login.headers["Content-Type"] == "application/json"
    assert with_login.json()["checks"]["database"]["ok"] is False

    proxy.resume()
    deadline = time.monotonic() + 15
    while (recovered := requests.get(base + "/health/", timeout=10)).status_code != 200:
        assert time.monotonic() < deadline, recovered.json()
        time.sleep(0.5)
    print(f"/health/: {healthy_seconds:.3f} s healthy, {down_seconds:.3f} s with the database "
          f"silent; cached page {page_seconds:.3f} s meanwhile")  # fmt: skip
