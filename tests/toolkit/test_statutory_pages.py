"""The pages UK public-sector sites must have: an accessibility statement and a privacy
notice, in English and Arabic, linked from every page's footer, and ordinary CMS pages that
editors change like any other. What the source documents do not state is marked as an
illustrative placeholder."""

import re

import pytest
from django.test import Client

from cms.models import FooterLinks
from toolkit.models import ContentPage

pytestmark = pytest.mark.django_db

STATEMENT, NOTICE = "/accessibility-statement/", "/privacy-notice/"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _footer(html: str) -> str:
    return html.split('<footer class="site-footer">')[1]


@pytest.mark.parametrize("path", ["/", "/toolkit/", "/resources/", "/report/",
                                  "/open-data/", "/welcome-pack/", "/search/?q=pack",
                                  "/no-such-page/", STATEMENT])  # fmt: skip
def test_every_english_page_links_both_from_its_footer(client, path):
    footer = _footer(client.get(path).content.decode())
    assert f'<a href="{STATEMENT}">Accessibility statement</a>' in footer
    assert f'<a href="{NOTICE}">Privacy notice</a>' in footer


@pytest.mark.parametrize("path", ["/ar/", "/ar/welcome-pack/", "/ar/search/", "/ar/no-such/"])
def test_every_arabic_page_links_the_arabic_versions(client, path):
    footer = _footer(client.get(path, follow=True).content.decode())
    assert f'<a href="/ar{STATEMENT}">بيان إمكانية الوصول</a>' in footer
    assert f'<a href="/ar{NOTICE}">إشعار الخصوصية</a>' in footer


def test_the_accessibility_statement_says_what_the_regulations_require(client):
    text = _text(client.get(STATEMENT))
    assert "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility " \
           "Regulations 2018" in text  # fmt: skip
    assert "Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "partially compliant" in text and "Non-accessible content" in text
    assert "Reporting accessibility problems with this website" in text
    assert "Enforcement procedure" in text and "Equality and Human Rights Commission" in text
    assert "Equality Advisory and Support Service (EASS)" in text


def test_the_privacy_notice_covers_what_is_held_why_how_long_rights_and_contact(client):
    text = _text(client.get(NOTICE))
    for heading in ["What the tracker holds about borough officers and convenors",
                    "Attendance at Design Lab sessions", "Why we use it: the lawful basis",
                    "How long we keep it", "Your rights", "Contact"]:  # fmt: skip
        assert heading in text
    assert "public task (UK GDPR Article 6(1)(e))" in text
    assert "Information Commissioner’s Office (ICO)" in text
    assert "no information about people seeking asylum" in text


@pytest.mark.parametrize("path", [STATEMENT, NOTICE])
def test_what_the_sources_do_not_state_is_an_illustrative_placeholder(client, path):
    text = _text(client.get(path))
    # Every address and every organisation-specific blank says it is a placeholder.
    for address in re.findall(r"[\w.-]+@example\.org", text):
        assert f"{address} (an illustrative placeholder address" in text
    assert text.count("illustrative placeholder") >= 3


@pytest.mark.parametrize("path", [STATEMENT, NOTICE])
def test_the_arabic_versions_are_translations_marked_illustrative(client, path):
    english = ContentPage.objects.get(url_path__endswith=path, locale__language_code="en-gb")
    arabic = ContentPage.objects.get(url_path__endswith=path, locale__language_code="ar")
    assert arabic.translation_key == english.translation_key and arabic.live
    text = _text(client.get(f"/ar{path}"))
    assert "ترجمة توضيحية" in text and "توضيحي مؤقت" in text


def test_both_are_pages_editors_change_in_the_cms(client, django_user_model):
    page = ContentPage.objects.get(slug="privacy-notice", locale__language_code="en-gb")
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(django_user_model.objects.create_superuser("statutory-editor"))
    assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # An editor's published revision is what the public reads, and what the footer names.
    page.title = "Privacy notice (updated)"
    page.save_revision().publish()
    html = client.get("/").content.decode()
    assert f'<a href="{NOTICE}">Privacy notice (updated)</a>' in _footer(html)


def test_the_footer_follows_the_site_settings(client):
    # Site settings → Footer links: another page chosen is the one every footer links, also
    # on pages anonymous visitors were served from the cache.
    assert client.get("/toolkit/")["X-Page-Cache"] == "miss"
    links = FooterLinks.objects.get()
    welcome = ContentPage.objects.get(slug="welcome-pack", locale__language_code="en-gb")
    links.privacy_notice = welcome
    links.save()
    footer = _footer(client.get("/toolkit/").content.decode())
    assert 'href="/welcome-pack/"' in footer and f'href="{NOTICE}"' not in footer


def test_an_unpublished_statement_is_not_linked(client):
    page = ContentPage.objects.get(slug="accessibility-statement", locale__language_code="ar")
    page.unpublish()
    footer = _footer(client.get("/ar/").content.decode())
    # The Arabic one is gone: the English one stands in; the privacy notice stays Arabic.
    assert f'href="{STATEMENT}"' in footer and f'href="/ar{STATEMENT}"' not in footer
    assert f'href="/ar{NOTICE}"' in footer
