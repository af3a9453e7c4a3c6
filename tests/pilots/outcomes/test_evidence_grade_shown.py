"""Each outcome's strength of evidence is shown beside its rating with the rule in words:
on the admin's Lab outcomes listing and the convenors' dashboard, in Table 2's export and
in `manage.py lab_outcomes` (text and --json)."""

import csv
import io
import json

from django.core.management import call_command
from django.urls import reverse

from pilots.exports.tables import lab_tables
from pilots.outcomes.evidence import EVIDENCE_RULE, Grade
from pilots.outcomes.ratings import lab_outcomes


def _grades(lab) -> list[str]:
    return [o.evidence_grade_label for o in lab_outcomes(lab)]


def test_the_lab_outcomes_listing_shows_each_grade_and_the_rule(client, convenor, lab):
    client.force_login(convenor)
    html = client.get(reverse("wagtailsnippets_designlab_outcome:list")).content.decode()
    assert "Strength of evidence" in html
    assert EVIDENCE_RULE in html
    for grade in _grades(lab):
        assert f">{grade}<" in html or f"{grade}\n" in html


def test_the_dashboard_shows_each_grade_and_the_rule(client, convenor, lab):
    client.force_login(convenor)
    html = client.get(reverse("lab_dashboard"), {"lab": lab.pk}).content.decode()
    assert EVIDENCE_RULE in html
    assert all(grade in html for grade in _grades(lab))


def test_table_2s_export_carries_the_grade(lab):
    table = next(t for t in lab_tables(lab, borough=None) if t.name == "Outcomes")
    column = table.headers.index("Strength of evidence")
    by_outcome = {row[0]: row[column] for row in table.rows}
    assert by_outcome == {o.number: o.evidence_grade_label for o in lab_outcomes(lab)}


def test_table_2s_csv_download_carries_the_grade(client, convenor, lab):
    client.force_login(convenor)
    response = client.get(reverse("lab_export_csv", args=[lab.slug, "outcomes"]))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {row["Strength of evidence"] for row in rows} <= set(Grade.labels)
    assert rows[0]["Evidence behind the rating"].endswith("readings approved")


def test_lab_outcomes_json_carries_the_grade_and_the_rule(lab):
    out = io.StringIO()
    call_command("lab_outcomes", lab.slug, "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["evidence_rule"] == EVIDENCE_RULE
    outcomes = lab_outcomes(lab)
    for shown, outcome in zip(payload["outcomes"], outcomes, strict=True):
        assert shown["evidence_grade"] == outcome.evidence_grade
        assert shown["evidence_grade_label"] == outcome.evidence_grade_label
        assert shown["evidence"]["pilots"] == outcome.evidence.pilots


def test_lab_outcomes_text_names_the_grade(lab):
    out = io.StringIO()
    call_command("lab_outcomes", lab.slug, stdout=out)
    first = lab_outcomes(lab)[0]
    assert f"Outcome 1: {first.rating_label} (evidence: {first.evidence_grade_label})" in (
        out.getvalue()
    )
    assert EVIDENCE_RULE in out.getvalue()
