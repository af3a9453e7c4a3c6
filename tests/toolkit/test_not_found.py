"""A missing or unpublished page answers 404 with the site's own accessible page: a skip
link, a main landmark, one heading, a way home, and the right language."""

import pytest

pytestmark = pytest.mark.django_db


def _assert_accessible_not_found(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html
    assert html.count("<h1>") == 1 and "<h1>Page not found</h1>" in html
    assert '<a href="/">go to the home page</a>' in html
    assert "<title>Page not found · Borough Design Lab</title>" in html


def test_a_missing_page_gets_the_accessible_404(client):
    _assert_accessible_not_found(client.get("/no-such-page/"))


def test_an_unpublished_pilots_case_study_gets_the_same_404(client, barnet_pilot, case_study):
    barnet_pilot.unpublish()
    _assert_accessible_not_found(client.get(case_study.url))


def test_a_missing_page_under_a_language_prefix_is_marked_english(client):
    # The 404 text is English: lang="ar" would have it read with an Arabic voice.
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="en-gb" dir="ltr">' in response.content.decode()
