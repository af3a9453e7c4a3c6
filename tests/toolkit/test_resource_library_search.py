"""The resource library's filters narrow a search and offer only choices that have
results; finding nothing offers a next step; whatever a visitor types into a search box gets
a page, never a server error."""

import re

import pytest
from django.utils import timezone

from pilots.models import SharedResource

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    assert response.status_code == 200
    listing = re.search(r'<ul class="resources"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    if listing is None:
        return []
    titles = re.findall(r"<li>\s*(<a [^>]*>.*?</a>)", listing[1])
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


def test_filters_that_exclude_every_match_say_so_and_offer_a_next_step(client, brent_guide):
    response = client.get("/resources/", {"q": "hosts", "kind": "welcome_pack"})
    assert _titles(response) == []
    html = response.content.decode()
    assert "No public resources match these filters." in html
    assert '<a href="/resources/">clear the filters and see every resource</a>' in html
    assert '<a href="/search/?q=hosts">search the whole site for “hosts”</a>' in html


def test_a_site_search_that_finds_nothing_offers_a_next_step(client):
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "No pages match “zeppelin”." in html and "No resources match “zeppelin”." in html
    assert "check the spelling" in html
    assert '<a href="/">go to the home page and browse from there</a>' in html


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)[1]
    return re.findall(r'<option value="([^"]*)"', select)


def test_filters_offer_only_themes_kinds_and_boroughs_that_have_resources(client, brent_guide):
    html = client.get("/resources/").content.decode()
    # Public: two welcome packs (Access to services, Co-production) and Brent's guide (none).
    assert _options(html, "kind") == ["", "welcome_pack", "training"]
    assert _options(html, "theme") == ["", "access-to-services", "co-production"]
    assert _options(html, "borough") == ["", "barking-and-dagenham", "brent"]
    # Every choice offered finds something.
    for name in ("kind", "theme", "borough"):
        for value in _options(html, name)[1:]:
            assert _titles(client.get("/resources/", {name: value})), (name, value)


def test_a_theme_without_public_resources_is_not_offered(client):
    # Governance models lists the terms of reference, which is for Lab participants only.
    assert "governance-models" not in _options(client.get("/resources/").content.decode(), "theme")


@pytest.mark.parametrize("query", ['"welcome', '"welcome pack"', "pack\x00", "(", "NEAR(", "*"])
def test_search_syntax_in_a_query_is_not_a_server_error(client, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/resources/", {"q": query}).status_code == 200


def test_a_quoted_query_still_finds_its_words(client):
    assert "Welcome Pack" in _titles(client.get("/resources/", {"q": '"welcome pack"'}))
    body = client.get("/search/", {"q": '"welcome pack'}).content.decode()
    assert "Welcome Pack" in body
