"""Convenors compare the Labs on one admin page: each Lab's outcome ratings side by side
with the counts behind them and their strength of evidence, and the practice lineage across
Labs (drafts' links too, marked as not public). Officers are refused. The page costs the
same queries as the Labs grow tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import Pilot
from pilots.seed.lab_2024 import load_lab_2024
from tests.refusals import refused
from tests.toolkit.test_queries_per_page import QUERY_LIMIT, SIZES, _grow_to

URL = reverse("labs_compared")


@pytest.fixture
def lab_2024(db):
    return load_lab_2024()


def test_officers_are_refused(client, barnet_officer, brent_officer):
    for officer in (barnet_officer, brent_officer):
        client.force_login(officer)
        assert refused(client.get(URL))


def test_the_menu_offers_it_to_convenors_only(client, convenor, barnet_officer):
    client.force_login(convenor)
    assert URL in client.get(reverse("wagtailadmin_home")).text
    client.force_login(barnet_officer)
    assert URL not in client.get(reverse("wagtailadmin_home")).text


def test_each_labs_outcomes_side_by_side_with_counts_and_grades(client, convenor, lab, lab_2024):
    client.force_login(convenor)
    html = client.get(URL).content.decode()
    assert "Asylum Welcome Design Lab (2023)" in html
    assert "Borough Design Lab 2024 (illustrative) (2024)" in html
    assert "5 of 11 boroughs (partial success)" in html  # 2023: implemented evaluations
    assert "Strength of evidence:" in html and "Strength of evidence is graded" in html
    assert "Pilots adapted from another borough" in html  # the 2024 Lab's evidence


def test_lineage_across_labs_is_listed_with_what_changed(client, convenor, lab_2024):
    client.force_login(convenor)
    html = client.get(URL).content.decode()
    assert "Brent’s Welcome Pack for asylum-seeking residents (2023 Lab)" in html
    assert "Camden’s Welcome pack for newly arrived residents (2024 Lab)" in html
    assert "translated into the five languages" in html
    assert "(same borough)" in html  # Barnet built on its own 2023 service


def test_a_drafts_link_is_listed_for_convenors_as_not_public(client, convenor, lab, brent_pilot):
    draft = Pilot(lab=lab, borough=brent_pilot.borough, title="Brent's next idea", activity="x",
                  live=False, adapted_from=brent_pilot)  # fmt: skip
    draft.save()
    client.force_login(convenor)
    html = client.get(URL).content.decode()
    assert "Brent’s Brent&#x27;s next idea" in html and "No: not shown in public" in html


def test_queries_stay_flat_as_the_labs_grow(client, convenor, lab, barnet_pilot):
    client.force_login(convenor)
    found = []
    for n in SIZES:
        _grow_to(n, lab=lab, pilot=barnet_pilot)
        Pilot.objects.filter(title__startswith="Extra pilot").update(adapted_from=barnet_pilot)
        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        found.append(len(queries))
    assert found[0] == found[1] and found[1] <= QUERY_LIMIT + 10, found
    assert f"Extra pilot {SIZES[1] - 1}" in client.get(URL).content.decode()


def test_shared_indicators_across_labs_side_by_side(client, convenor, lab_2024):
    client.force_login(convenor)
    html = client.get(URL).content.decode()
    shared = html[html.index("Shared indicators across Labs") :]
    assert "People starting a volunteering placement" in shared
    assert "Asylum Welcome Design Lab" in shared and "Borough Design Lab 2024" in shared
    # Used by the 2024 Lab only: not a comparison across Labs.
    assert "Residents attending group sessions" not in shared
