"""A missing or unpublished page answers 404 with the site's own accessible page: a skip
link, a main landmark, one heading, a way home and a way to search, in the language of the
address (an address under /ar/ gets it in Arabic, right to left)."""

import pytest

pytestmark = pytest.mark.django_db


def _assert_accessible_not_found(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html
    assert html.count("<h1>") == 1 and "<h1>Page not found</h1>" in html
    assert '<a href="/">Go to the home page</a>' in html
    assert '<a href="/search/">Search this site</a>' in html
    assert "<title>Page not found · Borough Design Lab</title>" in html


def test_a_missing_page_gets_the_accessible_404(client):
    _assert_accessible_not_found(client.get("/no-such-page/"))


def test_an_unpublished_pilots_case_study_gets_the_same_404(client, barnet_pilot, case_study):
    barnet_pilot.unpublish()
    _assert_accessible_not_found(client.get(case_study.url))


def test_a_missing_page_under_the_arabic_prefix_is_in_arabic(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>الصفحة غير موجودة</h1>" in html
    assert '<a href="/ar/">الذهاب إلى الصفحة الرئيسية</a>' in html
    assert '<a href="/ar/search/">البحث في هذا الموقع</a>' in html
    assert "Page not found" not in html
