"""A public page's content is rendered once per publish ({% public_content %}): a page
built for a later request reuses it, yet every publish shows at once, a preview is built
from its draft and never kept, and a page whose content follows the query string is
rendered for each one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toolkit.models import CaseStudyPage, ThemePage

pytestmark = pytest.mark.django_db

THEME = "/toolkit/access-to-services/"
BUILT = THEME + "?built=each-time"  # a query string: never the whole-page cache


def test_the_second_build_reuses_the_content_and_asks_the_database_nothing(client):
    first = client.get(BUILT).content
    with CaptureQueriesContext(connection) as queries:
        again = client.get(BUILT).content
    assert again == first
    assert len(queries) == 0, [q["sql"] for q in queries.captured_queries]


def test_a_published_change_to_the_page_shows_at_once(client):
    client.get(BUILT)
    theme = ThemePage.objects.get(slug="access-to-services")
    theme.summary = "A summary published a moment ago."
    theme.save_revision().publish()
    assert "A summary published a moment ago." in client.get(BUILT).content.decode()


def test_a_case_study_unpublished_leaves_the_theme_page_at_once(client):
    study = CaseStudyPage.objects.live().filter(pilot__challenges__isnull=False).first()
    assert study.title in client.get(BUILT).content.decode()
    study.unpublish()
    assert study.title not in client.get(BUILT).content.decode()


def test_a_preview_shows_the_draft_and_the_public_never_sees_it(client):
    live = client.get(BUILT).content.decode()  # the live content, kept
    theme = ThemePage.objects.get(slug="access-to-services")
    theme.summary = "A draft nobody has approved."
    theme.save_revision()  # a draft: not published
    draft = ThemePage.objects.get(pk=theme.pk).get_latest_revision_as_object()
    for _ in range(2):  # neither served from the cache nor kept in it
        preview = draft.make_preview_request().render().content.decode()
        assert "A draft nobody has approved." in preview
    assert client.get(BUILT).content.decode() == live
    assert "A draft nobody has approved." not in client.get(THEME + "?other=1").content.decode()


def test_the_library_is_rendered_for_each_query_string(client):
    assert "Welcome Pack" in client.get("/resources/", {"q": "pack"}).content.decode()
    assert "Welcome Pack" not in client.get("/resources/", {"q": "zeppelin"}).content.decode()
    assert "Welcome Pack" in client.get("/resources/", {"q": "pack", "x": "1"}).content.decode()
