"""The workshop materials are for Lab participants: anonymous visitors and logged-in
outsiders get neither the page nor its documents, and its title appears nowhere public."""

import pytest
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db


def _material(workshop_page) -> Document:
    return Document.objects.get(pk=workshop_page.sessions.first().materials[0].value["document"].pk)


def test_anonymous_visitor_is_sent_to_log_in(client, workshop_page):
    response = client.get(workshop_page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_logged_in_outsider_cannot_open_the_page(client, outsider, workshop_page):
    client.force_login(outsider)
    response = client.get(workshop_page.url)
    assert response.status_code in (302, 403)
    assert b"session outline" not in response.content


def test_materials_are_served_only_to_participants(client, outsider, barnet_officer, workshop_page):
    document = _material(workshop_page)
    anonymous = client.get(document.url)
    assert anonymous.status_code in (302, 403)
    client.force_login(outsider)
    assert client.get(document.url).status_code in (302, 403)
    client.force_login(barnet_officer)
    allowed = client.get(document.url)
    assert allowed.status_code == 200
    assert b"Session outline" in b"".join(allowed.streaming_content)


def test_private_page_title_is_not_in_search_sitemap_or_navigation(client, workshop_page):
    home = client.get("/").content.decode()
    search = client.get("/search/", {"q": "Workshop materials"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert workshop_page.url not in sitemap
    assert workshop_page.url not in search
    assert workshop_page.url not in home


def test_participants_only_resources_never_appear_publicly(client):
    for url in [
        "/search/?q=Safeguarding",
        "/resources/",
        "/toolkit/accommodation-and-safeguarding/",
    ]:
        assert "Safeguarding Assurance Tool" not in client.get(url).content.decode()


def test_private_page_responses_are_never_cached(client, barnet_officer, workshop_page):
    client.force_login(barnet_officer)
    client.get(workshop_page.url)
    client.logout()
    assert client.get(workshop_page.url).status_code == 302
