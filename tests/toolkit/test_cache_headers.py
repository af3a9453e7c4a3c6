"""Public pages tell browsers and an edge cache (CDN, reverse proxy) how to keep them:
`Cache-Control: public` with an ETag and a Last-Modified, and conditional requests are
answered 304 without a body. Pages for logged-in users, private pages and query strings
are marked private."""

import time

import pytest
from django.utils.http import parse_http_date

from toolkit.models import ThemePage

pytestmark = pytest.mark.django_db

PAGE = "/toolkit/esol/"
SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Content-Type",
    "Vary",
]
EDGE = {"proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                  "LOCATION": "http://127.0.0.1:9"}}  # fmt: skip


def test_a_public_page_can_be_kept_by_browsers_and_proxies(client, settings):
    settings.TOOLKIT_PAGE_MAX_AGE = 120
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=120"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    again = client.get(PAGE)
    assert again["X-Page-Cache"] == "hit"
    assert (again["ETag"], again["Last-Modified"]) == (response["ETag"], response["Last-Modified"])
    assert again.content == response.content


def test_an_edge_cache_that_is_purged_on_publish_may_keep_pages_longer(client, settings):
    settings.WAGTAILFRONTENDCACHE = EDGE
    settings.TOOLKIT_PAGE_CACHE_SECONDS = 3600
    cache_control = client.get(PAGE)["Cache-Control"]
    assert set(cache_control.split(", ")) == {"public", "max-age=60", "s-maxage=3600"}


def test_a_conditional_request_for_an_unchanged_page_is_answered_304(client):
    first = client.get(PAGE)
    for conditional in [
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ]:
        response = client.get(PAGE, **conditional)
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == first["ETag"]


def test_after_a_publish_the_old_etag_gets_the_new_page(client):
    first = client.get(PAGE)
    theme = ThemePage.objects.get(slug="esol")
    theme.summary = "A summary published after the first visit"
    theme.save_revision().publish()
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert b"A summary published after the first visit" in response.content
    assert response["ETag"] != first["ETag"]


def test_last_modified_is_never_before_the_last_publish(client):
    theme = ThemePage.objects.get(slug="esol")
    client.get(PAGE)
    before_publish = int(time.time())
    theme.save_revision().publish()
    assert parse_http_date(client.get(PAGE)["Last-Modified"]) >= before_publish


def test_a_page_from_the_cache_has_the_same_security_headers(client):
    fresh = client.get(PAGE)
    cached = client.get(PAGE)
    assert cached["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert cached[header] == fresh[header], header
    assert cached["X-Request-ID"] != fresh["X-Request-ID"]  # each response its own


def test_pages_for_logged_in_users_are_private(client, convenor):
    client.force_login(convenor)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_page_with_a_query_string_is_private(client):
    response = client.get("/resources/", {"kind": "welcome_pack"})
    assert response["Cache-Control"] == "private"


def test_a_restricted_page_is_never_public(client, workshop_page, barnet_officer):
    assert "public" not in client.get(workshop_page.url).get("Cache-Control", "")
    client.force_login(barnet_officer)
    response = client.get(workshop_page.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
