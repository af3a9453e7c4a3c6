"""Officers never review readings, not even their own borough's: the review pages and
actions refuse them the admin's way and change nothing, the menu does not offer them, and
`review_readings` refuses a user who is not a convenor with a non-zero exit."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from pilots.models import KPIReading
from tests.pilots.readings.review_helpers import reading_add
from tests.refusals import refused

JUL = dt.date(2023, 7, 1)


@pytest.fixture
def waiting(barnet_monthly_kpi):
    return reading_add(barnet_monthly_kpi, JUL, 30)


@pytest.mark.parametrize("name", ["pilots_readings_review", "pilots_readings_review_results"])
def test_officers_are_refused_the_listing(client, barnet_officer, brent_officer, waiting, name):
    for officer in (barnet_officer, brent_officer):
        client.force_login(officer)
        assert refused(client.get(reverse(name)))


def test_officers_approve_and_return_nothing(client, barnet_officer, waiting):
    client.force_login(barnet_officer)
    url = reverse("pilots_readings_review_act")
    for data in ({"action": "approve"}, {"action": "return", "comment": "No"}):
        assert refused(client.post(url, {"reading": [waiting.pk], **data}))
    waiting.refresh_from_db()
    assert waiting.status == KPIReading.Status.SUBMITTED


def test_the_menu_offers_review_to_convenors_only(client, barnet_officer, convenor):
    client.force_login(barnet_officer)
    assert "Readings to review" not in client.get("/admin/").content.decode()
    client.force_login(convenor)
    assert "Readings to review" in client.get("/admin/").content.decode()


def test_the_command_refuses_an_officer(barnet_officer, waiting):
    with pytest.raises(CommandError, match="not a convenor"):
        call_command(
            "review_readings",
            "asylum-welcome-2023",
            "--borough",
            "barnet",
            "--approve",
            "--as",
            barnet_officer.username,
        )
    waiting.refresh_from_db()
    assert waiting.status == KPIReading.Status.SUBMITTED
