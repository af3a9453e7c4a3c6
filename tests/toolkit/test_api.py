"""The read-only JSON API lists published pilots and their KPIs, matches its OpenAPI
description, rejects bad input clearly, and costs the same queries however many pilots."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import Pilot

pytestmark = pytest.mark.django_db


def test_lists_published_pilots_with_their_kpis(client, lab):
    data = client.get("/api/v1/pilots/").json()
    assert len(data["results"]) == Pilot.objects.filter(live=True).count() == 14
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    barnet = next(p for p in data["results"] if p["borough"]["name"] == "Barnet")
    assert barnet["kpis"][0]["name"] == "Volunteering placements started"
    assert {"baseline", "target", "latest_value", "progress_percent"} <= set(barnet["kpis"][0])


def test_small_counts_are_masked_as_on_the_pages(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    reading = kpi.readings.order_by("period_start").last()
    reading.value = 4
    reading.save()
    item = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    assert item["latest_value"] is None and item["suppressed"] is True
    assert item["progress_percent"] is None  # it would give the masked value away


def test_filters_by_borough_and_rejects_a_bad_code(client):
    brent = client.get("/api/v1/pilots/", {"borough": "E09000005"}).json()["results"]
    assert {p["borough"]["name"] for p in brent} == {"Brent"}
    response = client.get("/api/v1/pilots/", {"borough": "Brent"})
    assert response.status_code == 400
    assert "GSS code" in response.json()["detail"]


def test_unknown_or_unpublished_pilot_is_a_json_404(client, barnet_pilot):
    barnet_pilot.unpublish()
    for pk in (barnet_pilot.pk, 999999, 10**20):  # the last is beyond any integer column
        response = client.get(f"/api/v1/pilots/{pk}/")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_kpi_list_covers_only_published_pilots(client, barnet_pilot):
    barnet_pilot.unpublish()
    pilots = {item["pilot"] for item in client.get("/api/v1/kpis/").json()["results"]}
    expected = set(Pilot.objects.filter(live=True, kpis__isnull=False).values_list("pk", flat=True))
    assert barnet_pilot.pk not in pilots
    assert pilots == expected


def test_is_read_only(client):
    assert client.post("/api/v1/pilots/").status_code == 405


def test_responses_carry_every_field_the_openapi_description_requires(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/pilots/", "/pilots/{id}/", "/kpis/"}
    assert spec["servers"] == [{"url": "/api/v1"}]
    schemas = spec["components"]["schemas"]
    pilot = client.get("/api/v1/pilots/").json()["results"][0]
    assert set(schemas["Pilot"]["required"]) == set(pilot)
    assert set(schemas["KPI"]["required"]) == set(pilot["kpis"][0])


def test_query_count_does_not_grow_with_the_number_of_pilots(client, lab, barnet_pilot):
    with CaptureQueriesContext(connection) as before:
        client.get("/api/v1/pilots/")
    extra = Pilot.objects.create(lab=lab, borough=barnet_pilot.borough, title="Another",
                                 activity="More.", live=True)  # fmt: skip
    extra.kpis.create(name="Sessions", baseline=0, target=20)
    with CaptureQueriesContext(connection) as after:
        client.get("/api/v1/pilots/")
    assert len(after) == len(before)
