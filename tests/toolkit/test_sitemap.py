"""The sitemap lists the public pages and nothing a visitor could not open: no private
page or its children, no unpublished page, no draft slug, no unpublished pilot."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from toolkit.models import ContentPage, ThemePage

pytestmark = pytest.mark.django_db


def _sitemap(client) -> str:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def test_lists_every_public_page_type(client, case_study):
    body = _sitemap(client)
    for path in ["/toolkit/", "/toolkit/esol/", "/case-studies/", case_study.url, "/resources/",
                 "/report/", "/open-data/", "/welcome-pack/",
                 "/ar/", "/ar/welcome-pack/"]:  # every language  # fmt: skip
        assert f"{path}</loc>" in body, path


def test_excludes_private_pages_and_their_children(client, workshop_page):
    child = ContentPage(title="Participants' notes", slug="participants-notes")
    home = workshop_page.get_parent()
    home.add_child(instance=child)
    child.save_revision().publish()
    assert "/participants-notes/</loc>" in _sitemap(client)  # public until restricted
    restriction = PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.all())
    body = _sitemap(client)
    assert "/participants-notes/" not in body
    assert workshop_page.url not in body


def test_excludes_unpublished_pages_and_draft_slugs(client):
    theme = ThemePage.objects.get(slug="esol")
    theme.slug = "esol-draft-slug"
    theme.save_revision()
    never = ThemePage(title="Never published", slug="never-published", summary="x", live=False)
    theme.get_parent().add_child(instance=never)
    body = _sitemap(client)
    assert "/toolkit/esol/</loc>" in body
    assert "esol-draft-slug" not in body
    assert "never-published" not in body


def test_excludes_the_case_study_of_an_unpublished_pilot(client, barnet_pilot, case_study):
    barnet_pilot.unpublish()
    assert case_study.url not in _sitemap(client)
