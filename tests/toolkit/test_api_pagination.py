"""Every API list answers a page at a time, 50 results unless `page_size` (at most 100)
asks otherwise, with `count`, `next` and `previous` beside the licence and the results;
paging through a list gives each result exactly once. A bad page or page size is refused
clearly rather than quietly answered with something else."""

import pytest

from pilots.models import KPI, Pilot

pytestmark = pytest.mark.django_db


def _pages(client, url: str) -> list[dict]:
    pages = []
    while url:
        pages.append(client.get(url).json())
        url = pages[-1]["next"]
    return pages


def test_paging_through_the_kpis_gives_each_once_in_order(client):
    everything = client.get("/api/v1/kpis/").json()
    pages = _pages(client, "/api/v1/kpis/?page_size=3")
    assert len(pages) == -(-everything["count"] // 3) > 2
    assert [kpi for page in pages for kpi in page["results"]] == everything["results"]
    assert everything["count"] == KPI.objects.filter(pilot__live=True).count()
    assert all(page["licence"] == everything["licence"] for page in pages)
    assert pages[0]["previous"] is None and pages[-1]["next"] is None
    assert pages[1]["previous"].endswith("/api/v1/kpis/?page_size=3")


def test_a_filtered_list_keeps_its_filter_from_page_to_page(client):
    pages = _pages(client, "/api/v1/pilots/?borough=E09000005&page_size=1")
    assert len(pages) == pages[0]["count"] >= 1
    assert {p["borough"]["name"] for page in pages for p in page["results"]} == {"Brent"}


def test_fifty_results_a_page_by_default_and_at_most_a_hundred(client, lab, barnet_pilot):
    Pilot.objects.bulk_create(
        Pilot(lab=lab, borough=barnet_pilot.borough, title=f"Extra {i:03d}", activity="More.",
              live=True)
        for i in range(90)
    )  # fmt: skip
    first = client.get("/api/v1/pilots/").json()
    assert first["count"] == 104 and len(first["results"]) == 50
    assert len(client.get(first["next"]).json()["results"]) == 50
    assert len(client.get("/api/v1/pilots/", {"page_size": 100}).json()["results"]) == 100
    response = client.get("/api/v1/pilots/", {"page_size": 101})
    assert response.status_code == 400
    assert response.json() == {"detail": "page_size must be a whole number from 1 to 100."}


MALFORMED = [{"page": 0}, {"page": "two"}, {"page": "01"},
             {"page_size": 0}, {"page_size": "-5"}, {"page_size": "ten"}]  # fmt: skip


@pytest.mark.parametrize("params", MALFORMED)
def test_a_malformed_page_or_page_size_is_a_json_400(client, params):
    response = client.get("/api/v1/kpis/", params)
    assert response.status_code == 400
    assert "must be a whole number from 1" in response.json()["detail"]


def test_a_page_past_the_last_is_a_json_404(client):
    for page in (2, 10**30):
        response = client.get("/api/v1/pilots/", {"page": page})
        assert response.status_code == 404
        assert response.json() == {"detail": "Invalid page."}
