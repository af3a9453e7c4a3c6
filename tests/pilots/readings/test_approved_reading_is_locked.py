"""Approval locks a reading. A change from the form or from a return is refused with a
message naming the KPI and period, and a return holding such a row is refused whole. A
convenor reopens a reading with a reason; the reopening is recorded and the reading goes
back to its officer."""

import datetime as dt

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.models import KPIReading
from pilots.readings.review import ReviewRefused, reading_reopen
from tests.pilots.admin.page_forms import browser, post_as_browser
from tests.pilots.readings.review_helpers import reading_add
from tests.pilots.returns.returns_helpers import database_state, filled, import_bytes
from tests.refusals import refused

JUL, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)
LOCKED = (
    "Placements lasting three months, July 2023: this reading is approved, so it is "
    "locked. Ask a convenor to reopen it if it must change."
)


def test_the_form_refuses_to_change_an_approved_reading(client, barnet_officer, barnet_monthly_kpi):
    reading = reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    client.force_login(barnet_officer)
    url = reverse("pilots_readings", args=[barnet_monthly_kpi.pk])
    response = client.post(url, {"period_start": "2023-07-01", "value": "31", "action": "submit"})
    assert response.status_code == 200
    said = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert LOCKED in said
    reading.refresh_from_db()
    assert (reading.value, reading.status) == (30, KPIReading.Status.APPROVED)


def test_a_return_changing_an_approved_reading_is_refused_whole(barnet_pilot, barnet_monthly_kpi):
    reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    before = database_state()
    content = filled(
        barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 31, (barnet_monthly_kpi.pk, AUG): 40}
    )
    upload = import_bytes(barnet_pilot.borough, content)
    assert upload.status == upload.Status.REFUSED
    assert [p["message"] for p in upload.problems] == [LOCKED]
    assert upload.problems[0]["row"] and upload.problems[0]["column"] == "Value (H)"
    assert database_state() == before  # August was not written either


def test_a_return_repeating_an_approved_value_is_accepted(barnet_pilot, barnet_monthly_kpi):
    reading = reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    content = filled(
        barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 30, (barnet_monthly_kpi.pk, AUG): 40}
    )
    upload = import_bytes(barnet_pilot.borough, content)
    assert (upload.status, upload.created, upload.updated) == (upload.Status.DONE, 1, 0)
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.APPROVED


def test_a_convenor_reopens_with_a_reason(client, convenor, barnet_officer, barnet_monthly_kpi):
    reading = reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    url = reverse("pilots_readings", args=[barnet_monthly_kpi.pk])
    action = reverse("pilots_reading_reopen", args=[reading.pk])
    response = post_as_browser(
        browser(convenor),
        url,
        f'form[action="{action}"]',
        data={"reason": "The provider restated July."},
    )
    assert response.status_code == 302
    reading.refresh_from_db()
    assert (reading.status, reading.review_comment) == (
        KPIReading.Status.RETURNED,
        "The provider restated July.",
    )
    entry = ModelLogEntry.objects.for_instance(reading).get(action="pilots.reading_reopened")
    assert (entry.user, entry.data["comment"]) == (convenor, "The provider restated July.")

    # Back with the officer, who corrects it like any returned reading.
    client.force_login(barnet_officer)
    response = client.post(url, {"period_start": "2023-07-01", "value": "31", "action": "submit"})
    assert response.status_code == 302
    reading.refresh_from_db()
    assert (reading.value, reading.status) == (31, KPIReading.Status.SUBMITTED)


def test_reopening_needs_a_reason_and_an_approved_reading(convenor, barnet_monthly_kpi):
    reading = reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    for reason in ("", "   "):
        try:
            reading_reopen(reading, reason=reason, user=convenor)
        except ReviewRefused:
            pass
        else:
            raise AssertionError("reopened without a reason")
    waiting = reading_add(barnet_monthly_kpi, AUG, 30)
    try:
        reading_reopen(waiting, reason="Why not", user=convenor)
    except ReviewRefused as refusal:
        assert "Only an approved reading" in str(refusal)
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.APPROVED


def test_an_officer_cannot_reopen(client, barnet_officer, barnet_monthly_kpi):
    reading = reading_add(barnet_monthly_kpi, JUL, 30, KPIReading.Status.APPROVED)
    client.force_login(barnet_officer)
    response = client.post(reverse("pilots_reading_reopen", args=[reading.pk]), {"reason": "x"})
    assert refused(response)
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.APPROVED
