"""GET /api/v1/readings/ lists approved readings of published pilots, filterable by
borough (GSS code), Lab and KPI, a page at a time; a small count is null with `suppressed`
true; the open data files readings.csv and readings.json hold the same table."""

import csv
import datetime as dt
import io
import json

import pytest

from pilots.models import KPIReading
from tests.pilots.readings.review_helpers import reading_add

pytestmark = pytest.mark.django_db
BARNET, BRENT = "E09000003", "E09000005"


def results(client, **params) -> list[dict]:
    response = client.get("/api/v1/readings/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_lists_approved_readings_of_published_pilots(client, barnet_pilot):
    data = client.get("/api/v1/readings/").json()
    assert data["count"] == KPIReading.objects.published().count() > 0
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    first = data["results"][0]
    assert set(first) == {
        "pilot",
        "pilot_title",
        "borough",
        "gss_code",
        "lab",
        "kpi",
        "kpi_name",
        "unit",
        "period_start",
        "value",
        "suppressed",
        "categories",
    }


def test_waiting_returned_and_draft_readings_are_not_listed(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    before = results(client, kpi=kpi.pk)
    for month, status in ((1, "submitted"), (2, "returned"), (3, "draft")):
        reading_add(kpi, dt.date(2024, month, 1), 50, status)
    assert results(client, kpi=kpi.pk) == before


def test_filters_by_borough_lab_and_kpi(client, barnet_pilot):
    assert {r["gss_code"] for r in results(client, borough=BRENT)} == {BRENT}
    kpi = barnet_pilot.kpis.get()
    assert {r["kpi"] for r in results(client, kpi=kpi.pk)} == {kpi.pk}
    assert results(client, lab="asylum-welcome-2023", borough=BARNET)
    assert results(client, lab="another-lab") == []


@pytest.mark.parametrize(
    "params,said",
    [({"borough": "Brent"}, "GSS code"), ({"kpi": "x"}, "KPI's id"), ({"lab": "a b"}, "slug")],
)
def test_bad_parameters_are_400(client, params, said):
    response = client.get("/api/v1/readings/", params)
    assert response.status_code == 400 and said in response.json()["detail"]


def test_small_counts_are_null_and_suppressed(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    assert kpi.unit == "count"
    reading_add(kpi, dt.date(2024, 1, 1), 4, "approved")
    masked = [r for r in results(client, kpi=kpi.pk) if r["period_start"] == "2024-01-01"]
    assert masked == [masked[0] | {"value": None, "suppressed": True}]


def test_paged_like_the_other_lists(client):
    data = client.get("/api/v1/readings/", {"page_size": 2}).json()
    assert len(data["results"]) == 2 and data["next"]


def test_the_openapi_document_describes_it(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/readings/"]["get"]
    assert operation["operationId"] == "listReadings"
    names = {p["name"] for p in operation["parameters"]}
    assert {"borough", "lab", "kpi", "page", "page_size"} <= names


def test_open_data_files_hold_the_same_table(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    reading_add(kpi, dt.date(2024, 1, 1), 4, "approved")
    reading_add(kpi, dt.date(2024, 2, 1), 40, "submitted")
    api = client.get("/api/v1/readings/", {"page_size": 100}).json()["results"]
    text = b"".join(client.get("/open-data/readings.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(api) == KPIReading.objects.published().count()
    masked = next(r for r in rows if r["kpi"] == str(kpi.pk) and r["period_start"] == "2024-01-01")
    assert (masked["value"], masked["suppressed"]) == ("[c]", "true")
    document = json.loads(b"".join(client.get("/open-data/readings.json").streaming_content))
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["rows"] == api
