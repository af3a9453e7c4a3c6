"""A pilot adapted from another (any borough, any Lab) shows it both ways on the public
site: "Adapted from Brent's … (2023 Lab)" on its case study, "Adapted by …" on the
source's, `adapted_from`/`adapted_by` in the API and a row of the open data lineage table.
Only links between two published pilots are ever shown."""

import csv
import io

import pytest

from designlab.models import Borough
from pilots.models import Pilot
from toolkit.models import CaseStudyPage

pytestmark = pytest.mark.django_db

WHAT_CHANGED = "Translated into Barnet's five most spoken languages."


@pytest.fixture
def adapted(barnet_pilot, brent_pilot):
    """Barnet's published pilot adapted from Brent's published one."""
    barnet_pilot.adapted_from = brent_pilot
    barnet_pilot.adaptation_note = WHAT_CHANGED
    barnet_pilot.save_revision().publish()
    return barnet_pilot


@pytest.fixture
def hamlets_draft(lab, brent_pilot):
    """A never-published pilot of Tower Hamlets adapted from Brent's: a draft."""
    draft = Pilot(
        lab=lab, borough=Borough.objects.get(slug="tower-hamlets"),
        title="Hamlets draft adaptation", activity="x", live=False,
        adapted_from=brent_pilot, adaptation_note="Secret plans.",
    )  # fmt: skip
    draft.save()
    return draft


def _text(client, pilot: Pilot) -> str:
    return client.get(CaseStudyPage.objects.get(pilot=pilot).url).content.decode()


def test_case_study_says_where_its_practice_came_from(client, adapted, brent_pilot):
    html = _text(client, adapted)
    source = CaseStudyPage.objects.get(pilot=brent_pilot).url
    assert f'Adapted from Brent’s <a href="{source}">{brent_pilot.title}</a>' in html
    assert "(2023 Lab)" in html and WHAT_CHANGED.replace("'", "&#x27;") in html


def test_source_case_study_says_who_adapted_it(client, adapted, brent_pilot):
    html = _text(client, brent_pilot)
    assert "Adapted by" in html
    assert f'Barnet’s <a href="{CaseStudyPage.objects.get(pilot=adapted).url}">' in html


def test_drafts_are_never_shown_as_adaptations(client, hamlets_draft, brent_pilot):
    html = _text(client, brent_pilot)
    assert "Hamlets draft adaptation" not in html and "Adapted by" not in html
    api = client.get(f"/api/v1/pilots/{brent_pilot.pk}/").json()
    assert api["adapted_by"] == []
    assert "Hamlets draft" not in client.get("/open-data/lineage.csv").content.decode()


def test_a_draft_link_is_not_shown_until_published(client, barnet_pilot, brent_pilot):
    barnet_pilot.adapted_from = brent_pilot
    barnet_pilot.save_revision()  # a draft: the published row keeps no link
    assert "Adapted from" not in _text(client, barnet_pilot)
    assert client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["adapted_from"] == []


def test_an_unpublished_source_is_no_longer_named(client, adapted, brent_pilot):
    brent_pilot.unpublish()
    assert "Adapted from" not in _text(client, adapted)
    assert client.get(f"/api/v1/pilots/{adapted.pk}/").json()["adapted_from"] == []


def test_the_api_links_both_ways(client, adapted, brent_pilot):
    barnet = client.get(f"/api/v1/pilots/{adapted.pk}/").json()
    brent = client.get(f"/api/v1/pilots/{brent_pilot.pk}/").json()
    assert barnet["adapted_from"] == [f"http://testserver/api/v1/pilots/{brent_pilot.pk}/"]
    assert brent["adapted_by"] == [f"http://testserver/api/v1/pilots/{adapted.pk}/"]
    assert barnet["adaptation_note"] == WHAT_CHANGED
    listed = {p["id"]: p for p in client.get("/api/v1/pilots/").json()["results"]}
    assert listed[brent_pilot.pk]["adapted_by"] == brent["adapted_by"]


def test_open_data_has_a_lineage_table(client, adapted, brent_pilot, hamlets_draft):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/open-data/lineage.csv").content.decode("utf-8-sig"))
        )
    )
    assert [(r["pilot_title"], r["adapted_from_title"], r["what_changed"]) for r in rows] == [
        (adapted.title, brent_pilot.title, WHAT_CHANGED)
    ]
    data = client.get("/open-data/lineage.json").json()
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["rows"][0]["adapted_from_borough"] == "Brent"
    assert 'href="/open-data/lineage.csv"' in client.get("/open-data/").content.decode()
