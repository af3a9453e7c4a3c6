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
