"""The site speaks the page's language. Arabic pages live under /ar/, right to left, and the
site's own words around them (header, search, skip link, navigation, footer, licence line)
are Arabic too, from the catalogues in <app>/locale/ar/. English pages link to their
translations; the admin and documents URLs keep working unprefixed."""

import io

import polib
import pytest
from django.core.management import call_command

from cms.translations import translation_catalogues

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
    main = html.split('<main id="main"')[1].split("</main>")[0]
    for path in ["/ar/welcome-pack/", "/ar/accessibility-statement/", "/ar/privacy-notice/"]:
        assert f'href="{path}"' in main
    assert 'href="/toolkit/"' not in main  # no English-only links


# The site's own words on an Arabic page, and the English they replace.
ARABIC_CHROME = {
    '<a class="skip-link" href="#main">تخطَّ إلى المحتوى الرئيسي</a>': "Skip to main content",
    '<a class="site-name" href="/ar/">مختبر تصميم الأحياء</a>': "Borough Design Lab",
    '<form class="site-search" role="search" action="/ar/search/"': 'action="/search/"',
    '<label for="site-search-q">البحث في هذا الموقع</label>': "Search this site",
    '<button type="submit">بحث</button>': ">Search<",
    "رخصة الحكومة المفتوحة، الإصدار 3.0": "Content is available under",
    ">خريطة الموقع<": ">Sitemap<",
    'aria-label="اللغات"': 'aria-label="Languages"',
}


@pytest.mark.parametrize("path", ["/ar/", "/ar/welcome-pack/", "/ar/privacy-notice/"])
def test_the_site_around_an_arabic_page_is_in_arabic(client, path):
    html = client.get(path).content.decode()
    for arabic, english in ARABIC_CHROME.items():
        assert arabic in html, arabic
        assert english not in html, english
    assert "· مختبر تصميم الأحياء</title>" in html


def test_the_site_around_an_english_page_stays_english(client):
    html = client.get("/welcome-pack/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert 'action="/search/"' in html and "Content is available under" in html
    assert "تخطَّ" not in html


def test_arabic_search_is_in_arabic_and_finds_arabic_pages(client):
    response = client.get("/ar/search/", {"q": "ترحيب"})
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert "<h1>بحث</h1>" in html
    assert 'href="/ar/welcome-pack/"' in html
    assert 'href="/welcome-pack/"' not in html  # the English page is English search's


def test_english_search_finds_english_pages_only(client):
    html = client.get("/search/", {"q": "welcome pack template"}).content.decode()
    assert 'href="/welcome-pack/"' in html and 'href="/ar/welcome-pack/"' not in html


def test_every_string_in_the_catalogues_is_translated():
    # A string added to a template without its Arabic shows in English on Arabic pages. (The
    # tracker's British English catalogue rewords a few of Wagtail's messages in plain words.)
    catalogues = translation_catalogues()
    assert {po.parent.parent.parent.parent.name for po in catalogues} == {
        "cms",
        "pilots",
        "toolkit",
    }
    for path in catalogues:
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path
        assert po.fuzzy_entries() == [], path


def test_compile_translations_writes_the_mo_files_without_gettext(tmp_path, settings):
    # Compiled by polib: a copy of a catalogue, compiled, reads back with its translations.
    source = translation_catalogues()[0]
    locale = tmp_path / "ar" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    (locale / "django.po").write_bytes(source.read_bytes())
    settings.LOCALE_PATHS = [tmp_path]
    out = io.StringIO()
    call_command("compile_translations", stdout=out)
    assert "1 compiled" in out.getvalue()
    compiled = polib.mofile(str(locale / "django.mo"))
    assert {e.msgid: e.msgstr for e in compiled}["Skip to main content"] == (
        "تخطَّ إلى المحتوى الرئيسي"
    )
