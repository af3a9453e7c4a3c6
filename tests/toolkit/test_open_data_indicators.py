"""Open data gains the shared indicators' table, as CSV and JSON: the same figures as the
API's /indicators/, a withheld count `[c]` in CSV and null in JSON, with the pooled row
saying how many boroughs it adds up and which are missing."""

import csv
import io

import pytest

from pilots.models import KPI
from tests.pilots.indicators.world import adopt, people_reached_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def people_reached(lab, barnet_pilot, brent_pilot):
    indicator = people_reached_make(lab, barnet_pilot, brent_pilot)
    brent_pilot.kpis.get(name__startswith="Families").readings.filter(
        period_start="2023-07-01"
    ).update(value=4)
    # Hounslow uses it, with no approved figure for October.
    hounslow = adopt(KPI.objects.get(pilot__borough__slug="hounslow"), indicator)
    hounslow.readings.filter(period_start="2023-10-01").delete()
    return indicator


def test_csv_withholds_and_names_the_missing(client, people_reached):
    response = client.get("/open-data/indicators.csv")
    assert response.status_code == 200 and "license" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    july = {r["borough"]: r for r in rows if r["period_start"] == "2023-07-01"}
    october = {r["borough"]: r for r in rows if r["period_start"] == "2023-10-01"}

    assert (july["Brent"]["value"], july["Brent"]["suppressed"]) == ("[c]", "true")
    assert july["All boroughs"]["value"] == "[c]"  # it adds up Brent's
    pooled = october["All boroughs"]
    assert pooled["value"] == "50.0"
    assert (pooled["boroughs_included"], pooled["boroughs_missing"]) == ("2", "Hounslow")


def test_json_agrees_with_the_api(client, people_reached):
    rows = client.get("/open-data/indicators.json").json()["rows"]
    api = client.get("/api/v1/indicators/").json()["results"][0]["labs"][0]["periods"]

    for period in api:
        pooled = next(r for r in rows if r["period_start"] == period["period_start"]
                      and r["borough"] == "All boroughs")  # fmt: skip
        assert pooled["value"] == period["pooled"]["value"]
        for borough in period["boroughs"]:
            row = next(r for r in rows if r["period_start"] == period["period_start"]
                       and r["borough"] == borough["borough"])  # fmt: skip
            assert (row["value"], row["suppressed"]) == (borough["value"], borough["suppressed"])


def test_the_open_data_page_links_it(client):
    from toolkit.models import OpenDataPage

    page = client.get(OpenDataPage.objects.get().url).content.decode()
    assert "/open-data/indicators.csv" in page and "/open-data/indicators.json" in page
