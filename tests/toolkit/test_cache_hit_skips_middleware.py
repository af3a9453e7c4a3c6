"""A public page answered from the cache skips the middleware below the page cache, yet
sends what they would have: the security headers stored with the page, a 304 to a
conditional request, and a plain-HTTP request still goes to HTTPS."""

import pytest

pytestmark = pytest.mark.django_db

PAGE = "/toolkit/esol/"


def test_a_hit_answers_if_none_match_and_if_modified_since_with_304(client):
    first = client.get(PAGE)
    assert client.get(PAGE)["X-Page-Cache"] == "hit"
    for conditional in [
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ]:
        response = client.get(PAGE, **conditional)
        assert response.status_code == 304 and response.content == b""
        assert response["Cache-Control"] == first["Cache-Control"]
        assert response["X-Request-ID"] != first["X-Request-ID"]
    assert client.get(PAGE, HTTP_IF_NONE_MATCH='"another"').status_code == 200


def test_a_hit_never_stores_one_visitors_request_id(client):
    first = client.get(PAGE, HTTP_X_REQUEST_ID="visitor-one-0001")
    hit = client.get(PAGE, HTTP_X_REQUEST_ID="visitor-two-0002")
    assert first["X-Request-ID"] == "visitor-one-0001"
    assert hit["X-Page-Cache"] == "hit" and hit["X-Request-ID"] == "visitor-two-0002"


def test_plain_http_goes_to_https_even_when_the_page_is_kept(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(PAGE, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(PAGE, secure=True)["X-Page-Cache"] == "hit"
    response = client.get(PAGE)
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_a_private_page_is_never_answered_from_the_cache(client):
    from wagtail.models import PageViewRestriction

    from toolkit.models import ThemePage

    theme = ThemePage.objects.get(slug="esol")
    client.get(PAGE)
    PageViewRestriction.objects.create(page=theme, restriction_type="login")
    response = client.get(PAGE)
    assert response.status_code == 302 and "X-Page-Cache" not in response
