"""API answers are cached like the public pages: a repeat request costs no query, and
publishing a pilot or recording a KPI reading shows in the API at once (a new cache
generation, see toolkit/cache.py). Each URL, query string included, is cached apart."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_a_repeat_request_is_answered_from_the_cache(client):
    first = client.get("/api/v1/kpis/", {"page_size": 5})
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/v1/kpis/", {"page_size": 5})
    assert len(queries) == 0
    assert again.json() == first.json() and again["Link"] == first["Link"]


def test_each_query_string_is_cached_apart(client):
    brent = client.get("/api/v1/pilots/", {"borough": "E09000005"}).json()["results"]
    barnet = client.get("/api/v1/pilots/", {"borough": "E09000003"}).json()["results"]
    assert {p["borough"]["name"] for p in brent + barnet} == {"Brent", "Barnet"}


def test_publishing_a_pilot_shows_in_the_api_at_once(client, barnet_pilot):
    url = f"/api/v1/pilots/{barnet_pilot.pk}/"
    client.get(url)
    client.get("/api/v1/pilots/")
    barnet_pilot.key_lesson = "A newly approved lesson"
    barnet_pilot.save_revision().publish()
    assert client.get(url).json()["key_lesson"] == "A newly approved lesson"
    listed = client.get("/api/v1/pilots/").json()["results"]
    assert "A newly approved lesson" in [p["key_lesson"] for p in listed]


def test_unpublishing_a_pilot_removes_it_from_the_api_at_once(client, barnet_pilot):
    url = f"/api/v1/pilots/{barnet_pilot.pk}/"
    assert client.get(url).status_code == 200
    barnet_pilot.unpublish()
    assert client.get(url).status_code == 404
    assert barnet_pilot.pk not in [
        k["pilot"] for k in client.get("/api/v1/kpis/").json()["results"]
    ]


def test_a_new_kpi_reading_shows_in_the_api_at_once(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    client.get("/api/v1/kpis/")
    kpi.readings.create(period_start=dt.date(2030, 1, 1), value=39, status="approved")
    item = next(k for k in client.get("/api/v1/kpis/").json()["results"] if k["id"] == kpi.pk)
    assert (item["latest_period_start"], item["latest_value"]) == ("2030-01-01", 39.0)
