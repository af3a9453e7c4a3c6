"""Wherever a public page calls something illustrative, it says in plain words what that
means: the report does not state it, it was filled in as an example."""

import pytest
from django.utils.html import escape

from pilots.outcomes.evidence import EVIDENCE_RULE

pytestmark = pytest.mark.django_db

EXPLAINED = "“Illustrative” means the Lab’s report does not say this"


def test_a_case_study_with_illustrative_figures_explains_the_word(client, case_study):
    html = client.get(case_study.url).content.decode()
    assert "(illustrative)" in html  # its KPI is illustrative
    assert html.count(EXPLAINED) == 1


def test_a_case_study_with_nothing_illustrative_does_not(client, barnet_pilot, case_study):
    barnet_pilot.provenance, barnet_pilot.source_note = "reported", "Table 1 of the report."
    barnet_pilot.save()
    barnet_pilot.kpis.update(provenance="reported", source_note="")
    html = client.get(case_study.url).content.decode()
    # The rule of evidence grades names its lowest grade, and says what it means.
    html = html.replace(escape(EVIDENCE_RULE), "")
    assert "illustrative" not in html.lower()


def test_the_arabic_pages_say_what_an_illustrative_translation_is(client):
    for path in ["/ar/", "/ar/welcome-pack/"]:
        html = client.get(path).content.decode()
        assert "هذه ترجمة توضيحية: أُعدّت لعرض الموقع باللغة العربية" in html, path


def test_an_illustrative_session_date_says_why(client, barnet_officer, workshop_page):
    client.force_login(barnet_officer)
    html = client.get(workshop_page.url).content.decode()
    assert "(an illustrative date: the Lab’s report does not give one)" in html
