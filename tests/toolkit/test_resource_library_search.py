"""The resource library's filters narrow a search, and whatever a visitor types into a
search box gets a page, never a server error."""

import re

import pytest
from django.utils import timezone

from pilots.models import SharedResource

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    assert response.status_code == 200
    listing = re.search(r'<ul class="resources">(.*?)</ul>', response.content.decode(), re.S)
    if listing is None:
        return []
    titles = re.findall(r"<li>\s*(<a [^>]*>.*?</a>|<strong>.*?</strong>)", listing[1])
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles]


@pytest.fixture
def brent_guide(lab):
    """A second public "pack", from Brent, of another kind: the search alone finds both."""
    from designlab.models import Borough

    return SharedResource.objects.create(
        lab=lab, borough=Borough.objects.get(slug="brent"), title="Volunteer pack for hosts",
        kind="training", description="How to host a volunteer.", visibility="public",
        approved_at=timezone.now(),
    )  # fmt: skip


def test_search_alone_finds_every_matching_public_resource(client, brent_guide):
    found = _titles(client.get("/resources/", {"q": "pack"}))
    assert "Volunteer pack for hosts" in found and "Welcome Pack" in found


def test_kind_filter_narrows_a_search(client, brent_guide):
    found = _titles(client.get("/resources/", {"q": "pack", "kind": "training"}))
    assert found == ["Volunteer pack for hosts"]


def test_borough_filter_narrows_a_search(client, brent_guide):
    found = _titles(client.get("/resources/", {"q": "pack", "borough": "barking-and-dagenham"}))
    assert found == ["Induction ‘helping pack’"]


def test_theme_filter_narrows_a_search(client, brent_guide):
    found = _titles(client.get("/resources/", {"q": "pack", "theme": "co-production"}))
    assert found == ["Induction ‘helping pack’"]


def test_filters_that_exclude_every_match_say_so(client, brent_guide):
    response = client.get("/resources/", {"q": "hosts", "kind": "welcome_pack"})
    assert _titles(response) == []
    assert "No public resources match these filters." in response.content.decode()


@pytest.mark.parametrize("query", ['"welcome', '"welcome pack"', "pack\x00", "(", "NEAR(", "*"])
def test_search_syntax_in_a_query_is_not_a_server_error(client, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/resources/", {"q": query}).status_code == 200


def test_a_quoted_query_still_finds_its_words(client):
    assert "Welcome Pack" in _titles(client.get("/resources/", {"q": '"welcome pack"'}))
    body = client.get("/search/", {"q": '"welcome pack'}).content.decode()
    assert "Welcome Pack" in body
