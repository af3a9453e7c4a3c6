"""A pilot's draft change, an unpublished pilot and a draft page never reach the public:
not on pages, in search, in the sitemap, in the API or in the open data."""

import pytest

from toolkit.models import CaseStudyIndexPage, ThemePage

pytestmark = pytest.mark.django_db

SECRET = "Draft-only lesson nobody approved"


def _draft_change(pilot):
    """What an officer's "Save draft" does: a new revision; the published row is untouched."""
    pilot.key_lesson = SECRET
    pilot.title = SECRET
    pilot.stage = "stopped"
    pilot.save_revision()


def _public_surfaces(client, pilot, case_study) -> dict[str, str]:
    return {
        "case study": client.get(case_study.url).content.decode(),
        "case study index": client.get(CaseStudyIndexPage.objects.get().url).content.decode(),
        "search": client.get("/search/", {"q": "Draft-only lesson"}).content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "api list": client.get("/api/v1/pilots/").content.decode(),
        "api detail": client.get(f"/api/v1/pilots/{pilot.pk}/").content.decode(),
        "open data": client.get("/open-data/pilots-by-stage.json").content.decode(),
    }


def test_a_draft_change_to_a_live_pilot_never_appears(client, barnet_pilot, case_study):
    published_lesson = barnet_pilot.key_lesson
    _draft_change(barnet_pilot)
    surfaces = _public_surfaces(client, barnet_pilot, case_study)
    for name, body in surfaces.items():
        assert SECRET not in body, name
    assert published_lesson[:60] in surfaces["case study"]
    assert client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["stage"] == "in_delivery"


def test_an_unpublished_pilot_disappears_everywhere(client, barnet_pilot, case_study):
    title = barnet_pilot.title
    before = client.get("/open-data/pilots-by-stage.json").json()["all_boroughs"]["Total"]
    barnet_pilot.unpublish()

    assert client.get(case_study.url).status_code == 404
    assert title not in client.get(CaseStudyIndexPage.objects.get().url).content.decode()
    assert case_study.url not in client.get("/sitemap.xml").content.decode()
    assert title not in client.get("/search/", {"q": "Volunteering service"}).content.decode()
    assert client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").status_code == 404
    assert barnet_pilot.pk not in [p["id"] for p in client.get("/api/v1/pilots/").json()["results"]]
    after = client.get("/open-data/pilots-by-stage.json").json()["all_boroughs"]["Total"]
    assert after == before - 1


def test_a_draft_page_change_and_a_never_published_page_stay_hidden(client):
    theme = ThemePage.objects.get(slug="esol")
    theme.title = "Unpublished theme title"
    theme.save_revision()
    unpublished = ThemePage(title="Never published theme", slug="never-published",
                            summary="Never published.", live=False)  # fmt: skip
    theme.get_parent().add_child(instance=unpublished)

    assert "Unpublished theme title" not in client.get(theme.url).content.decode()
    assert client.get("/toolkit/never-published/").status_code == 404
    for url in ["/search/?q=Unpublished+theme", "/search/?q=Never+published", "/sitemap.xml",
                "/toolkit/"]:  # fmt: skip
        body = client.get(url).content.decode()
        assert "Unpublished theme title" not in body
        assert "Never published theme" not in body
