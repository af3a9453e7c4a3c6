"""The home page's cards say what each section holds, in English and in Arabic: a card is
its editor's description, else the page's own search description (Promote tab)."""

import re

import pytest

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def _cards(html: str) -> list[tuple[str, str]]:
    """(title, description) of each card on the page."""
    cards = re.findall(r'<li class="card"><h2><a [^>]*>(.*?)</a></h2>\s*(?:\{#.*?#\})?\s*'
                       r"(?:<p>(.*?)</p>)?", html, re.S)  # fmt: skip
    return [(title, description.strip()) for title, description in cards]


@pytest.mark.parametrize("path, count", [("/", 6), ("/ar/", 3)])
def test_every_home_page_card_has_a_description(client, path, count):
    cards = _cards(client.get(path).content.decode())
    assert len(cards) == count
    assert all(description for _, description in cards), cards


def test_the_card_describes_the_open_data_section(client):
    cards = dict(_cards(client.get("/").content.decode()))
    assert cards["Open data"] == "Counts by borough to download as CSV or JSON, with small " \
                                 "numbers hidden."  # fmt: skip


def test_an_editors_card_description_comes_first(client):
    home = HomePage.objects.get(locale__language_code="en-gb")
    links = home.body[0].value
    links[0]["description"] = "Start here."
    home.save_revision().publish()
    assert dict(_cards(client.get("/").content.decode()))["Asylum Welcome Toolkit"] == "Start here."
