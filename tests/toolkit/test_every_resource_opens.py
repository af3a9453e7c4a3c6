"""Every resource a visitor sees opens: its document, its link, or else a page of its own in
the library, with what the Lab knows about it. Only public, approved resources have one."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from designlab.models import Borough
from pilots.models import SharedResource

pytestmark = pytest.mark.django_db


def _listed(html: str) -> list[tuple[str | None, str]]:
    """(href or None, title) of every resource in a page's resource lists."""
    found = []
    for listing in re.findall(r'<ul class="resources"[^>]*>(.*?)</ul>', html, re.S):
        for item in re.findall(r"<li>\s*(.*?)\n", listing):
            link = re.match(r'<a href="([^"]+)">(.*?)</a>', item)
            found.append((link[1], link[2]) if link else (None, item.strip()))
    return found


@pytest.fixture
def public(lab):
    """A public resource of each shape: a document, a link on another site, neither."""
    brent = Borough.objects.get(slug="brent")
    document = Document(title="Volunteer handbook")
    document.file.save("handbook.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    make = dict(lab=lab, borough=brent, kind="training", visibility="public",
                approved_at=timezone.now())  # fmt: skip
    return {
        "document": SharedResource.objects.create(
            title="Volunteer handbook", document=document, **make
        ),  # fmt: skip
        "link": SharedResource.objects.create(
            title="Volunteer role descriptions", url="https://example.org/roles", **make
        ),  # fmt: skip
        "neither": SharedResource.objects.get(title="Welcome Pack"),
    }


def test_every_resource_in_the_library_opens(client, public):
    listed = _listed(client.get("/resources/").content.decode())
    assert len(listed) == 4 and all(href for href, _ in listed)
    for href, title in listed:
        if href.startswith("https://"):  # another site's page: not ours to fetch
            continue
        assert client.get(href).status_code == 200, (title, href)


def test_each_links_to_its_document_its_link_or_its_page(client, public):
    listed = _listed(client.get("/resources/").content.decode())
    hrefs = {title: href for href, title in listed}
    assert hrefs["Volunteer handbook"] == public["document"].document.url
    assert hrefs["Volunteer role descriptions"] == "https://example.org/roles"
    assert hrefs["Welcome Pack"] == f"/resources/{public['neither'].pk}/"


def test_a_seeded_welcome_pack_opens_on_a_page_of_its_own(client, public):
    response = client.get(f"/resources/{public['neither'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Welcome Pack</h1>" in html and "<title>Welcome Pack · Borough Design Lab" in html
    assert "compiling useful information" in html  # its description, from the report
    assert "Brent has not published a file or a link for this resource." in html
    assert 'href="/toolkit/access-to-services/"' in html  # the theme it is filed under
    assert 'aria-current="page"' in html and 'href="/resources/"' in html


def test_the_resource_pages_of_a_document_and_a_link_offer_them(client, public):
    html = client.get(f"/resources/{public['document'].pk}/").content.decode()
    assert f'<a href="{public["document"].document.url}">Download Volunteer handbook (PDF file)' \
        in html  # fmt: skip
    html = client.get(f"/resources/{public['link'].pk}/").content.decode()
    assert '<a href="https://example.org/roles">Open Volunteer role descriptions' in html


def test_resources_not_approved_for_the_public_have_no_page(client, public):
    participants_only = SharedResource.objects.get(title="Home Office contacts")
    assert client.get(f"/resources/{participants_only.pk}/").status_code == 404
    waiting = public["neither"]
    waiting.approved_at = None
    waiting.save()  # an officer's edit withdraws the approval
    assert client.get(f"/resources/{waiting.pk}/").status_code == 404
    assert client.get("/resources/999999/").status_code == 404


def test_theme_pages_and_search_results_link_every_resource_too(client, public):
    for url in ["/toolkit/access-to-services/", "/search/?q=pack", "/search/?q=volunteer"]:
        listed = _listed(client.get(url).content.decode())
        assert listed and all(href for href, _ in listed), url


def test_an_illustrative_resource_explains_the_word(client, public):
    resource = SharedResource.objects.get(title="Steering group terms of reference")
    resource.visibility, resource.approved_at = "public", timezone.now()
    resource.save()
    html = client.get(f"/resources/{resource.pk}/").content.decode()
    assert "“Illustrative” means the Lab’s report does not say this" in html
