"""The public site shows the categories of approved readings (case study, API, open data)
with small counts withheld: a reading's categories are withheld together whenever one of
them, or what they leave out of its total, is small, or a category moved by a few people
since a figure shown, or the total itself is withheld; so no withheld category can be
worked back from the total minus the rest, in any surface or filtered view."""

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import KPI, KPIReading
from tests.conftest import breakdown_make
from tests.pilots.readings.parts_helpers import reading_with_parts
from tests.toolkit.differencing import published_equations, recoverable
from toolkit.cache import _generation_start
from toolkit.suppression import breakdown_withheld, suppressed

pytestmark = pytest.mark.django_db
BARNET = "E09000003"

# period → (total, parts, reason): shown, shown, shown, withheld (5 left out of the total),
# withheld (a category of 5), shown.
SERIES = {
    dt.date(2023, 7, 1): (60, [20, 20, 20], ""),
    dt.date(2023, 8, 1): (90, [30, 30, 30], ""),
    dt.date(2023, 9, 1): (120, [40, 40, 40], ""),
    dt.date(2023, 10, 1): (150, [55, 50, 40], "Five people did not say."),
    dt.date(2023, 11, 1): (150, [75, 70, 5], ""),
    dt.date(2023, 12, 1): (200, [90, 70, 40], ""),
}
WITHHELD = {dt.date(2023, 10, 1), dt.date(2023, 11, 1)}


@pytest.fixture
def published_split(split_kpi):
    for start, (total, parts, reason) in SERIES.items():
        reading_with_parts(split_kpi, start, total, parts, approved=True, reason=reason)
    _generation_start()  # as a convenor's approval does
    return split_kpi


def _api(client, **params) -> dict:
    response = client.get("/api/v1/readings/", {"page_size": 100, **params})
    assert response.status_code == 200
    return {
        dt.date.fromisoformat(r["period_start"]): r
        for r in response.json()["results"]
        if r["categories"] is not None
    }


def test_the_rule_on_one_reading():
    assert not breakdown_withheld(60, [20, 20, 20])
    assert breakdown_withheld(60, [20, 35, 5])  # a small category
    assert breakdown_withheld(60, [20, 20, 15])  # five left out of the total
    assert not breakdown_withheld(60, [20, 20, 10])  # ten left out is shown
    assert breakdown_withheld(60, [20, 20, 20], total_withheld=True)
    assert breakdown_withheld(60, [20, 20, 20], moved=True)
    assert not breakdown_withheld(60, [60, 0, 0])  # zero singles nobody out


def test_api_gives_each_readings_categories_withheld_together(client, published_split):
    readings = _api(client, kpi=published_split.pk)
    assert set(readings) == set(SERIES)
    for start, reading in readings.items():
        categories = reading["categories"]
        assert categories["name"] == "Age band (test)"
        assert [v["category"] for v in categories["values"]] == ["Under 25", "25 to 49",
                                                                 "50 and over"]  # fmt: skip
        values = [v["value"] for v in categories["values"]]
        if start in WITHHELD:
            assert categories["suppressed"] and values == [None] * 3
        else:
            assert not categories["suppressed"] and values == SERIES[start][1]


def test_no_withheld_category_can_be_worked_out_in_any_view(client, published_split):
    """The motivated intruder takes every view (unfiltered, by KPI, borough and Lab, and
    the open data files): each reading's categories and its total are a table whose
    total adds up the categories and what they leave out."""
    views = [_api(client), _api(client, kpi=published_split.pk), _api(client, borough=BARNET),
             _api(client, lab=published_split.pilot.lab.slug)]  # fmt: skip
    document = json.loads(b"".join(client.get("/open-data/readings.json").streaming_content))
    views.append({dt.date.fromisoformat(r["period_start"]): r for r in document["rows"]
                  if r["kpi"] == published_split.pk})  # fmt: skip
    releases = []
    for view in views:
        for start, reading in view.items():
            if reading["kpi"] != published_split.pk:
                continue
            rows = [{"c": v["category"], "n": v["value"]} for v in reading["categories"]["values"]]
            rows += [{"c": "left out", "n": None}, {"c": None, "n": reading["value"]}]
            releases.append(published_equations(rows, ["c"], "n", lambda r, s=start: (s, r["c"])))
    # Only what shown categories leave out of a shown total (0 here, never small) follows.
    assert {c for s, c in recoverable(releases) if s in WITHHELD or c != "left out"} == set()
    for view in views:  # and what is shown is never small, nor a few people from another
        shown = [r for r in view.values() if not r["categories"]["suppressed"]]
        for reading in shown:
            assert not any(suppressed(v["value"]) for v in reading["categories"]["values"])
        for category in range(3):
            series = [r["categories"]["values"][category]["value"] for r in shown]
            assert not any(suppressed(abs(a - b)) for a in series for b in series)


def test_open_data_lists_the_categories_alike(client, published_split):
    text = b"".join(client.get("/open-data/reading-categories.csv").streaming_content)
    rows = [r for r in csv.DictReader(io.StringIO(text.decode())) if r["kpi"] == str(
        published_split.pk)]  # fmt: skip
    assert len(rows) == len(SERIES) * 3
    november = [r for r in rows if r["period_start"] == "2023-11-01"]
    assert {(r["value"], r["suppressed"]) for r in november} == {("[c]", "true")}
    july = [(r["category"], r["value"]) for r in rows if r["period_start"] == "2023-07-01"]
    assert july == [("Under 25", "20.00"), ("25 to 49", "20.00"), ("50 and over", "20.00")]
    document = json.loads(
        b"".join(client.get("/open-data/reading-categories.json").streaming_content)
    )
    assert len([r for r in document["rows"] if r["kpi"] == published_split.pk]) == len(rows)
    assert "Approved KPI readings by category" in client.get("/open-data/").content.decode()


def test_readings_waiting_for_review_show_no_categories(client, split_kpi):
    reading_with_parts(split_kpi, dt.date(2023, 7, 1), 60, [20, 20, 20])  # submitted
    assert _api(client, kpi=split_kpi.pk) == {}
    text = b"".join(client.get("/open-data/reading-categories.csv").streaming_content).decode()
    assert str(split_kpi.pk) not in [r["kpi"] for r in csv.DictReader(io.StringIO(text))]


def test_case_study_shows_the_latest_readings_categories(client, case_study, published_split):
    page = client.get(case_study.url).content.decode()
    assert "Residents welcomed by Age band (test) (Dec 2023)" in page
    assert '<th scope="row">Under 25</th><td class="number">90</td>' in page


def test_case_study_withholds_a_small_category(client, case_study, published_split):
    KPIReading.objects.filter(kpi=published_split, period_start=dt.date(2023, 12, 1)).delete()
    _generation_start()
    page = client.get(case_study.url).content.decode()
    assert "Residents welcomed by Age band (test) (Nov 2023)" in page
    assert "Withheld" in page and '<td class="number">5</td>' not in page
    assert "The categories of this reading are withheld together" in page


def _split_kpis(pilot, n: int) -> None:
    breakdown = breakdown_make(f"List {n}", ["A", "B", "C"])
    for i in range(n):
        kpi = KPI.objects.create(pilot=pilot, name=f"Split {n}.{i}", frequency="monthly",
                                 baseline=0, target=100, split_by=breakdown)  # fmt: skip
        for month in (7, 8):
            reading_with_parts(kpi, dt.date(2023, month, 1), 30 * month, [10 * month] * 3,
                               approved=True)  # fmt: skip


@pytest.mark.parametrize("path", ["case_study", "/api/v1/readings/", "/api/v1/pilots/"])
def test_public_pages_ask_the_same_queries_as_split_kpis_grow(client, case_study, path):
    url = case_study.url if path == "case_study" else path
    found = []
    for n in (1, 10):
        _split_kpis(case_study.pilot, n)
        _generation_start()
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"built": "1"}).status_code == 200
        found.append(len(queries))
    assert found[0] == found[1]
