"""The welcome pack is translated: Arabic pages live under /ar/, right to left, and the
English pages link to them; the admin and documents URLs keep working unprefixed."""

import pytest

pytestmark = pytest.mark.django_db


def test_arabic_welcome_pack_renders_right_to_left(client):
    response = client.get("/ar/welcome-pack/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "نموذج حزمة ترحيب" in html


def test_english_page_links_to_its_translation(client):
    html = client.get("/welcome-pack/").content.decode()
    assert '<html lang="en-gb" dir="ltr">' in html
    assert 'href="/ar/welcome-pack/"' in html and 'hreflang="ar"' in html


def test_untranslated_pages_have_no_language_switcher(client):
    assert b"language-switcher" not in client.get("/toolkit/").content


def test_admin_and_documents_urls_are_not_language_prefixed(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/ar/admin/login/").status_code == 404


def test_arabic_home_page_is_in_arabic_and_links_to_the_arabic_pages(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مختبر تصميم الأحياء" in html
    assert 'href="/ar/welcome-pack/"' in html
    assert 'href="/toolkit/"' not in html.split('<main id="main"')[1]  # no English-only links


def test_english_site_chrome_on_an_arabic_page_is_marked_english(client):
    # Screen readers switch voice on lang: English words read with an Arabic voice are noise.
    html = client.get("/ar/welcome-pack/").content.decode()
    assert '<a class="skip-link" href="#main" lang="en-gb">' in html
    assert '<footer class="site-footer" lang="en-gb">' in html
    assert '<footer class="site-footer">' in client.get("/welcome-pack/").content.decode()
