"""Search finds a word in any of its forms, in resources' titles and descriptions and in
pages: "volunteering" finds "Volunteer role descriptions". The same on SQLite (FTS5 with the
porter tokenizer, cms migration 0004) and PostgreSQL (English text-search configuration):
CI runs this module on both."""

import pytest
from django.db import connection
from django.utils import timezone

from designlab.models import Borough
from pilots.models import SharedResource

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(lab):
    return SharedResource.objects.create(
        lab=lab, borough=Borough.objects.get(slug="barnet"), kind="training",
        title="Volunteer role descriptions", visibility="public", approved_at=timezone.now(),
        description="Templates for hosts who welcome newly arrived residents.",
    )  # fmt: skip


def _resources(client, url: str, q: str) -> str:
    html = client.get(url, {"q": q}).content.decode()
    return html.split('<ul class="resources"')[1].split("</ul>")[0] if "resources" in html else ""


@pytest.mark.parametrize("url", ["/resources/", "/search/"])
@pytest.mark.parametrize("query", ["volunteering", "volunteers", "Volunteer", "hosting",
                                   "welcoming", "arrivals"])  # fmt: skip
def test_a_word_in_another_form_finds_the_resource(client, roles, url, query):
    assert "Volunteer role descriptions" in _resources(client, url, query), (
        f"{query!r} on {connection.vendor}"
    )


def test_words_that_share_no_stem_do_not_match(client, roles):
    body = client.get("/resources/", {"q": "volcano"}).content.decode()
    assert "Volunteer role descriptions" not in body


def test_page_search_stems_too(client):
    # The agency theme speaks of "Volunteering"; "volunteers" finds it.
    html = client.get("/search/", {"q": "volunteers"}).content.decode()
    pages = html.split("<h2>Pages</h2>")[1].split("<h2>Resources</h2>")[0]
    assert "Agency: lives on hold" in pages


def test_sqlite_search_table_uses_the_porter_tokenizer():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL stems with its English configuration (settings)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'wagtailsearch_indexentry_fts'")
        assert "porter" in cursor.fetchone()[0]
