"""The read-only JSON API lists published pilots and their KPIs, masks small counts, and
rejects bad input clearly. (Paging: test_api_pagination.py; what the document says:
test_api_matches_openapi.py; query counts: test_query_counts.py.)"""

import datetime as dt

import pytest
from django.test import Client

from pilots.models import Pilot
from toolkit.opendata import LICENCE

pytestmark = pytest.mark.django_db


def test_lists_published_pilots_with_their_kpis(client, lab):
    data = client.get("/api/v1/pilots/").json()
    assert len(data["results"]) == data["count"] == Pilot.objects.filter(live=True).count() == 14
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


def test_the_latest_value_is_of_the_latest_period_not_the_last_entered(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    latest = kpi.readings.order_by("period_start").last()
    kpi.readings.create(period_start=dt.date(2000, 1, 1), value=77)  # entered late
    item = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    assert item["latest_period_start"] == latest.period_start.isoformat()
    assert item["latest_value"] == float(latest.value)


def test_filters_by_borough_and_rejects_a_bad_code(client):
    brent = client.get("/api/v1/pilots/", {"borough": "E09000005"}).json()["results"]
    assert {p["borough"]["name"] for p in brent} == {"Brent"}
    response = client.get("/api/v1/pilots/", {"borough": "Brent"})
    assert response.status_code == 400
    assert "GSS code" in response.json()["detail"]


def test_unknown_or_unpublished_pilot_is_a_json_404(client, barnet_pilot):
    barnet_pilot.unpublish()
    # 10**20 is beyond any integer column; the others are not ids at all.
    for pk in (barnet_pilot.pk, 999999, 10**20, 0, -1, "abc", "1.5"):
        response = client.get(f"/api/v1/pilots/{pk}/")
        assert response.status_code == 404, pk
        assert response.json() == {"detail": "No published pilot with this id."}


def test_kpi_list_covers_only_published_pilots(client, barnet_pilot):
    barnet_pilot.unpublish()
    pilots = {item["pilot"] for item in client.get("/api/v1/kpis/").json()["results"]}
    expected = set(Pilot.objects.filter(live=True, kpis__isnull=False).values_list("pk", flat=True))
    assert barnet_pilot.pk not in pilots
    assert pilots == expected


def test_every_answer_names_the_licence_in_a_link_header(client, barnet_pilot):
    for url in ("/api/v1/pilots/", f"/api/v1/pilots/{barnet_pilot.pk}/", "/api/v1/kpis/",
                "/api/v1/pilots/999999/", "/api/v1/pilots/?borough=Brent"):  # fmt: skip
        assert client.get(url)["Link"] == f'<{LICENCE["url"]}>; rel="license"', url


def test_answers_json_whatever_the_client_accepts(client):
    response = client.get("/api/v1/kpis/", {"format": "xml"}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"]


def test_is_read_only_every_other_method_is_a_json_405(barnet_pilot):
    # With CSRF enforced as for a real client: a write is refused as not allowed, not as
    # a forged form (403).
    client = Client(enforce_csrf_checks=True)
    before = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()
    for url in ("/api/v1/pilots/", f"/api/v1/pilots/{barnet_pilot.pk}/", "/api/v1/kpis/"):
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(client, method)(url, {"title": "Changed"}, "application/json")
            assert response.status_code == 405, (method, url)
            assert response["Allow"] == "GET, HEAD"
            assert "not allowed" in response.json()["detail"]
    assert client.head("/api/v1/pilots/").status_code == 200
    assert client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json() == before
