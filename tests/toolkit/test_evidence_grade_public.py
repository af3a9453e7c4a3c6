"""The public site shows the strength of evidence beside each outcome's rating (Table 2 of
the Lab report) and on each case study, with the rule it follows in words; the API gives
each pilot's `evidence_grade`. All worked out from published records."""

import pytest

from pilots.models import KPIReading
from pilots.outcomes.evidence import EVIDENCE_RULE, pilot_evidence
from pilots.outcomes.ratings import lab_outcomes

pytestmark = pytest.mark.django_db


def test_table_2_shows_each_outcomes_grade_and_the_rule(client, lab):
    html = client.get("/report/").content.decode()
    assert "Strength of evidence" in html and EVIDENCE_RULE in html
    cells = html.split('<td class="evidence-grade">')[1:]
    shown = [cell.split("</td>")[0] for cell in cells]
    assert shown == [o.evidence_grade_label for o in lab_outcomes(lab)]


def test_case_study_shows_its_pilots_grade_and_the_rule(client, case_study, barnet_pilot):
    html = client.get(case_study.url).content.decode()
    evidence = pilot_evidence(barnet_pilot)
    assert f'<a href="#evidence-rule">{evidence.grade_label}</a>' in html
    assert EVIDENCE_RULE in html and evidence.summary in html


def test_api_gives_each_pilots_grade(client, barnet_pilot):
    shown = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["evidence_grade"]
    assert shown == pilot_evidence(barnet_pilot).grade.value


def test_the_grade_follows_the_records(client, case_study, barnet_pilot):
    before = pilot_evidence(barnet_pilot)
    KPIReading.objects.filter(kpi__pilot=barnet_pilot).update(status="submitted")
    after = pilot_evidence(barnet_pilot)
    assert after.approved == 0 and before.approved > 0
    api = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()
    assert api["evidence_grade"] == after.grade.value
