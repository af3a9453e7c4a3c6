"""Search finds public pages and public resources, and nothing else."""

import pytest

from pilots.models import SharedResource

pytestmark = pytest.mark.django_db


def test_finds_public_pages_by_their_words(client):
    body = client.get("/search/", {"q": "ESOL"}).content.decode()
    assert "Learning English (ESOL)" in body


def test_finds_public_resources_but_not_participants_only_ones(client):
    body = client.get("/search/", {"q": "Welcome Pack"}).content.decode()
    assert "Welcome Pack" in body
    hidden = SharedResource.objects.get(title="Home Office contacts")
    assert not hidden.is_public
    assert "Home Office contacts" not in client.get("/search/", {"q": "contacts"}).content.decode()


def test_a_public_resource_waiting_for_approval_stays_hidden(client):
    resource = SharedResource.objects.get(title="Home Office contacts")
    resource.visibility = SharedResource.Visibility.PUBLIC
    resource.save()  # asked to be public, not yet approved by a convenor
    assert "Home Office contacts" not in client.get("/search/", {"q": "contacts"}).content.decode()


def test_empty_query_shows_the_form_only(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert b"No pages match" not in response.content


def test_private_page_titles_are_never_in_results(client, workshop_page):
    body = client.get("/search/", {"q": workshop_page.title}).content.decode()
    results = body.split("<h2>Pages</h2>")[1].split("<h2>Resources</h2>")[0]
    assert f">{workshop_page.title}</a>" not in results
    assert workshop_page.url not in results
    # The same words do find a public page once one carries them: the search itself works.
    from toolkit.models import ThemePage

    theme = ThemePage.objects.get(slug="esol")
    theme.summary = "Workshop materials for ESOL teachers"
    theme.save_revision().publish()
    assert (
        "Learning English (ESOL)"
        in client.get("/search/", {"q": "Workshop materials"}).content.decode()
    )
