"""`/api/v1/pilots/` gives each pilot's approved follow-up check-ins, and the open data
file `follow-ups` lists them all: approved check-ins of published pilots only."""

import csv
import io

import pytest

from pilots.models import FollowUp
from tests.pilots.followups.helpers import answered

pytestmark = pytest.mark.django_db
APPROVED = FollowUp.Status.APPROVED


@pytest.fixture
def check_ins(barnet_pilot, brent_pilot):
    answered(barnet_pilot, 6, APPROVED, still_running="no", funded_by="", mainstream="no")
    answered(barnet_pilot, 12)  # waiting for review
    answered(brent_pilot, 6, FollowUp.Status.RETURNED)
    return answered(brent_pilot, 12, APPROVED, spread="yes")


def test_each_pilot_lists_its_approved_check_ins(client, check_ins, barnet_pilot, brent_pilot):
    barnet = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()
    assert barnet["follow_ups"] == [
        {
            "months_after_lab": 6, "status": "stopped", "checked_on": "2024-04-09",
            "due_on": "2024-03-30", "funded_by": "", "mainstream": "no", "spread": "no",
            "update": "Now part of the welcome team's offer.",
            "summary": "No longer running 6 months after the Lab (checked April 2024).",
        }
    ]  # fmt: skip
    listed = {p["id"]: p for p in client.get("/api/v1/pilots/").json()["results"]}
    [brent] = listed[brent_pilot.pk]["follow_ups"]
    assert (brent["months_after_lab"], brent["status"], brent["spread"]) == (12, "running", "yes")
    assert all(p["follow_ups"] == [] for pk, p in listed.items()
               if pk not in (barnet_pilot.pk, brent_pilot.pk))  # fmt: skip


def test_open_data_lists_approved_check_ins_of_published_pilots(client, check_ins, brent_pilot):
    response = client.get("/open-data/follow-ups.csv")
    assert response.status_code == 200 and response["X-Licence"] == "Open Government Licence v3.0"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["borough"], r["months_after_lab"], r["status"]) for r in rows] == [
        ("Barnet", "6", "stopped"), ("Brent", "12", "running")
    ]  # fmt: skip
    assert rows[1]["gss_code"] == "E09000005" and rows[1]["lab"] == "asylum-welcome-2023"
    data = client.get("/open-data/follow-ups.json").json()
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert [r["months_after_lab"] for r in data["rows"]] == [6, 12]
    brent_pilot.unpublish()
    json_rows = client.get("/open-data/follow-ups.json").json()["rows"]
    assert [r["borough"] for r in json_rows] == ["Barnet"]


def test_the_open_data_page_links_the_files(client):
    html = client.get("/open-data/").content.decode()
    assert 'href="/open-data/follow-ups.csv"' in html
    assert 'href="/open-data/follow-ups.json"' in html
