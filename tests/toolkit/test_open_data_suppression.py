"""Open data counts pilots, evaluations and readings exactly (the API lists each one, so a
mask would only mislead); a table that counts people hides small counts and every total
that includes one; the files carry the Open Government Licence."""

import csv
import io
import re
from collections import Counter

import pytest

from designlab.models import Borough
from pilots.models import Evaluation, Pilot
from tests.toolkit.differencing import published_equations, recoverable
from toolkit import opendata
from toolkit.opendata import Dataset, dataset_csv, dataset_json

pytestmark = pytest.mark.django_db


def _rows(body: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body)))


def test_counts_of_pilots_are_exact_and_the_csv_states_the_licence(client):
    response = client.get("/open-data/pilots-by-stage.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "open-government-licence/version/3" in response["Link"]
    rows = _rows(response.content.decode("utf-8-sig"))
    assert rows[0][:2] == ["borough", "gss_code"]
    barnet = next(row for row in rows if row[0] == "Barnet")
    assert "[c]" not in barnet and barnet[-1] == "1"  # one pilot, stated on its case study
    assert not any("[c]" in row for row in rows)
    assert rows[-1][0] == "All boroughs" and rows[-1][-1] == "14"


def test_open_data_agrees_with_counting_the_apis_pilot_list(client):
    pilots = client.get("/api/v1/pilots/", {"page_size": 100}).json()["results"]
    by_stage = Counter((p["borough"]["gss_code"], p["stage_label"]) for p in pilots)
    by_status = Counter(
        (p["borough"]["gss_code"], e["status"]) for p in pilots for e in p["evaluations"]
    )
    stages = client.get("/open-data/pilots-by-stage.json").json()
    for row in stages["rows"]:
        for stage, n in row["values"].items():
            if stage != "Total":
                assert n == by_stage[(row["gss_code"], stage)]
    statuses = dict(Evaluation.Status.choices)
    evaluations = client.get("/open-data/evaluations-by-status.json").json()
    for row in evaluations["rows"]:
        for code, label in statuses.items():
            assert row["values"][label] == by_status[(row["gss_code"], code)]


def test_unpublishing_a_pilot_changes_an_exact_count_by_one(client, barnet_pilot):
    def barnet() -> list[str]:
        rows = _rows(client.get("/open-data/pilots-by-stage.csv").content.decode())
        return next(row for row in rows if row[0] == "Barnet")

    assert barnet()[-1] == "1"
    barnet_pilot.unpublish()
    # No cell moved from [c] to a figure that gives it away: none was ever [c].
    rows = _rows(client.get("/open-data/pilots-by-stage.csv").content.decode())
    assert "Barnet" not in [row[0] for row in rows]  # no published pilot left to count
    assert not any("[c]" in row for row in rows)
    assert rows[-1][-1] == "13"


def test_json_of_record_counts_is_exact_and_carries_the_licence(client):
    data = client.get("/open-data/kpi-readings.json").json()
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["suppression"]["threshold"] is None
    assert "every figure is exact" in data["suppression"]["note"]
    values = [row["values"]["KPI readings"] for row in data["rows"]]
    assert None not in values and sum(values) == data["all_boroughs"]["Total"]


# A table that counts people: Barnet's 4 must stay hidden, whatever is subtracted.
PEOPLE = Dataset(
    "people-by-age",
    "People supported, by age band",
    "For the test.",
    lambda: (
        [("Barnet", "E09000003"), ("Brent", "E09000005")],
        ["Under 18", "18 and over"],
        {("E09000003", "Under 18"): 4, ("E09000003", "18 and over"): 30,
         ("E09000005", "Under 18"): 12, ("E09000005", "18 and over"): 0},
    ),
    counts_people=True,
)  # fmt: skip


def test_a_table_of_people_hides_small_counts_and_the_totals_that_include_them(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    rows = _rows(dataset_csv(PEOPLE))
    assert rows[1] == ["Barnet", "E09000003", "[c]", "30", "[c]"]
    assert rows[2] == ["Brent", "E09000005", "12", "0", "12"]
    assert rows[3] == ["All boroughs", "", "[c]", "30", "[c]"]
    data = dataset_json(PEOPLE)
    assert data["suppression"]["threshold"] == 10
    assert data["rows"][0]["values"]["Under 18"] is None
    assert data["all_boroughs"] == {"Under 18": None, "18 and over": 30, "Total": None}


def test_no_hidden_count_of_people_can_be_worked_out_from_the_table(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    table = PEOPLE.build()
    keys = ["borough", "column"]
    columns = [*table.columns, None]
    rows = [
        {"borough": code, "column": column, "n": value}
        for code, values in [*((c, v) for _, c, v in table.rows), (None, table.total)]
        for column, value in zip(columns, values, strict=True)
    ]
    release = published_equations(rows, keys, "n", lambda r: (r["borough"], r["column"]))
    assert recoverable([release]) == set()


def test_only_a_table_of_people_carries_the_key_to_hidden_cells(client, settings, monkeypatch):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    monkeypatch.setitem(opendata.DATASETS, PEOPLE.slug, PEOPLE)
    html = client.get("/open-data/").content.decode()
    keys = re.findall(r'<p class="suppression-key">(.*?)</p>', html)
    assert keys == ["<code>[c]</code>: fewer than 10 people, hidden to protect privacy, "
                    "or a total that includes such a number."]  # fmt: skip
    section = html.split('id="dataset-people-by-age"')[1]
    assert section.index("suppression-key") < section.index("<table")


def test_spreadsheet_formulas_in_text_cells_are_neutralised(client, lab):
    borough = Borough.objects.create(name="=HYPERLINK(1)", slug="formula", gss_code="E09000099")
    Pilot.objects.create(lab=lab, borough=borough, title="t", activity="a", live=True)
    body = client.get("/open-data/pilots-by-stage.csv").content.decode()
    assert "'=HYPERLINK(1)" in body


def test_unknown_dataset_or_format_is_not_found(client):
    assert client.get("/open-data/nothing.csv").status_code == 404
    assert client.get("/open-data/pilots-by-stage.xlsx").status_code == 404
