"""Anonymous visitors get cached public pages; publishing a page, a pilot or a KPI reading
shows the new version at once; logged-in users and query strings bypass the cache."""

import pytest

from toolkit.models import ThemePage

pytestmark = pytest.mark.django_db


def test_a_public_page_is_served_from_the_cache_the_second_time(client):
    assert client.get("/toolkit/esol/")["X-Page-Cache"] == "miss"
    assert client.get("/toolkit/esol/")["X-Page-Cache"] == "hit"


def test_publishing_a_page_shows_the_new_version(client):
    theme = ThemePage.objects.get(slug="esol")
    client.get(theme.url)
    ThemePage.objects.filter(pk=theme.pk).update(summary="Changed without publishing")
    assert b"Changed without publishing" not in client.get(theme.url).content  # still cached
    theme.summary = "Published new summary"
    theme.save_revision().publish()
    response = client.get(theme.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Published new summary" in response.content


def test_publishing_a_pilot_updates_its_case_study_and_the_report(client, barnet_pilot, case_study):
    client.get(case_study.url)
    client.get("/report/")
    barnet_pilot.key_lesson = "A newly approved lesson"
    barnet_pilot.save_revision().publish()
    assert b"A newly approved lesson" in client.get(case_study.url).content
    assert b"A newly approved lesson" in client.get("/report/").content  # Table 1


def test_a_new_kpi_reading_updates_the_case_study(client, barnet_pilot, case_study):
    import datetime as dt

    client.get(case_study.url)
    barnet_pilot.kpis.get().readings.create(
        period_start=dt.date(2024, 1, 1), value=39, status="approved"
    )
    assert b"Jan 2024" in client.get(case_study.url).content


def test_logged_in_users_and_query_strings_are_never_cached(client, convenor):
    client.get("/resources/", {"kind": "welcome_pack"})
    assert "X-Page-Cache" not in client.get("/resources/", {"kind": "welcome_pack"})
    client.force_login(convenor)
    client.get("/toolkit/")
    assert "X-Page-Cache" not in client.get("/toolkit/")


def test_unpublishing_a_pilot_removes_its_cached_case_study(client, barnet_pilot, case_study):
    assert client.get(case_study.url).status_code == 200
    barnet_pilot.unpublish()
    assert client.get(case_study.url).status_code == 404


def test_making_a_cached_page_private_hides_it_at_once(client):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    theme = ThemePage.objects.get(slug="esol")
    client.get(theme.url)
    assert client.get(theme.url)["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=theme, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.all())
    response = client.get(theme.url)
    assert response.status_code == 302 and "X-Page-Cache" not in response


def test_approving_a_resource_shows_it_in_the_cached_library(client):
    from django.utils import timezone

    from pilots.models import SharedResource

    client.get("/resources/")
    assert client.get("/resources/")["X-Page-Cache"] == "hit"
    resource = SharedResource.objects.get(title="Home Office contacts")
    resource.visibility = SharedResource.Visibility.PUBLIC
    resource.approved_at = timezone.now()
    resource.save()
    assert "Home Office contacts" in client.get("/resources/").content.decode()


def test_a_release_with_other_static_files_starts_its_own_generation(client, monkeypatch):
    """Kept pages name the static files of the release that built them (hashed names):
    after a deploy that renames them, no page of the last release is served."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    from toolkit.cache import generation_key

    client.get("/toolkit/esol/")
    assert client.get("/toolkit/esol/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(staticfiles_storage, "manifest_hash", "next-release", raising=False)
    generation_key.cache_clear()  # a new process of the new release
    try:
        assert client.get("/toolkit/esol/")["X-Page-Cache"] == "miss"
        assert client.get("/toolkit/esol/")["X-Page-Cache"] == "hit"
    finally:
        generation_key.cache_clear()
