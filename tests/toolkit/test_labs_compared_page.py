"""The public "Labs compared" page: each Lab's outcome ratings side by side with the counts
behind them and the strength of their evidence, and the practice that travelled between
pilots, built only from published records."""

import pytest

from designlab.models import Borough
from pilots.models import Evaluation, Pilot
from pilots.outcomes.evidence import EVIDENCE_RULE
from pilots.seed.lab_2024 import load_lab_2024
from toolkit.models import LabsComparedPage

pytestmark = pytest.mark.django_db


def _html(client) -> str:
    response = client.get(LabsComparedPage.objects.get().url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_labs_side_by_side_with_counts_grades_and_lineage(client):
    load_lab_2024()
    html = _html(client)
    assert "Asylum Welcome Design Lab (2023)" in html
    assert "Borough Design Lab 2024 (illustrative) (2024)" in html
    assert "5 of 11 boroughs (partial success)" in html
    assert "Strength of evidence:" in html and EVIDENCE_RULE in html
    assert "Brent’s Welcome Pack for asylum-seeking residents (2023 Lab)" in html
    assert "Camden’s Welcome pack for newly arrived residents (2024 Lab)" in html


def test_the_home_page_links_it(client):
    assert 'href="/labs-compared/"' in client.get("/").content.decode()


def test_drafts_never_count_nor_show(client, lab, barnet_pilot, brent_pilot):
    # Barnet's unapproved draft adds a completed evaluation and a link to Brent's pilot.
    barnet_pilot.evaluations.add(Evaluation(method="survey", measures="x", status="complete"))
    barnet_pilot.adapted_from = brent_pilot
    barnet_pilot.save_revision()
    # Tower Hamlets' never-published pilot, adapted from Brent's.
    draft = Pilot(lab=lab, borough=Borough.objects.get(slug="tower-hamlets"),
                  title="Hamlets unpublished idea", activity="x", live=False,
                  adapted_from=brent_pilot)  # fmt: skip
    draft.save()

    html = _html(client)
    assert "5 of 11 boroughs (partial success)" in html  # the draft's evaluation not counted
    assert "Hamlets unpublished idea" not in html
    assert "Barnet’s" not in html and "No pilot records being adapted" in html

    barnet_pilot.save_revision().publish()  # approved: now it counts and shows
    html = _html(client)
    assert "6 of 11 boroughs" in html and "Barnet’s" in html


def test_shared_indicators_pooled_lab_by_lab_as_published(client):
    load_lab_2024()
    html = _html(client)
    shared = html[html.index("Shared indicators across Labs") :]
    assert "People starting a volunteering placement" in shared
    assert "Asylum Welcome Design Lab" in shared and "Borough Design Lab 2024" in shared
    assert "Residents attending group sessions" not in shared  # one Lab only
