"""A reading's life, as the people involved see it: the officer saves a draft and submits
it; the convenor sees it waiting on the admin home and under "Readings to review", returns
it with a comment; the officer finds the comment on the admin home and the KPI's page,
corrects and resubmits; the convenor approves it, and only then does the public see it.
Every change of status is in the reading's history and the audit log, with who and when.
All posts go through the pages' forms with the CSRF check enforced."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.models import KPIReading
from tests.pilots.admin.page_forms import browser, post_as_browser

AUG = "2023-08-01"
REVIEW = reverse("pilots_readings_review")


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def api_readings(client, kpi) -> list:
    return client.get(f"/api/v1/readings/?kpi={kpi.pk}").json()["results"]


def test_draft_submit_return_resubmit_approve(
    client, barnet_officer, convenor, barnet_monthly_kpi, barnet_pilot
):
    kpi = barnet_monthly_kpi
    officer, gla = browser(barnet_officer), browser(convenor)
    readings_page = reverse("pilots_readings", args=[kpi.pk])

    # A draft: the officer's own, waiting for nobody.
    post_as_browser(
        officer,
        readings_page,
        "#reading-form + p + form",
        data={"period_start": AUG, "value": "20", "action": "draft"},
    )
    reading = KPIReading.objects.get(kpi=kpi)
    assert reading.status == KPIReading.Status.DRAFT
    assert "No readings wait for review" in text(gla.get(REVIEW))

    # Submitted: the convenor's home counts it, the listing shows it.
    post_as_browser(
        officer,
        readings_page,
        "#reading-form + p + form",
        data={"period_start": AUG, "value": "20", "action": "submit"},
    )
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.SUBMITTED
    home = BeautifulSoup(gla.get("/admin/").content, "html.parser")
    assert home.select_one("[data-readings-to-review]")["data-readings-to-review"] == "1"
    assert kpi.name in text(gla.get(REVIEW))
    assert api_readings(client, kpi) == []  # not public yet

    # Returned with one comment.
    response = post_as_browser(
        gla,
        REVIEW,
        f'form[action="{reverse("pilots_readings_review_act")}"]',
        data={
            "reading": [str(reading.pk)],
            "action": "return",
            "comment": "August looks low: check the late referrals.",
        },
    )
    assert response.status_code == 302
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.RETURNED
    assert "check the late referrals" in text(officer.get("/admin/"))
    page = text(officer.get(readings_page))
    assert "Returned for correction (1)" in page and "check the late referrals" in page

    # Corrected and resubmitted, then approved.
    post_as_browser(
        officer,
        f"{readings_page}?period={AUG}",
        "#reading-form + p + form",
        data={"period_start": AUG, "value": "24", "action": "submit"},
    )
    reading.refresh_from_db()
    assert (reading.status, reading.value) == (KPIReading.Status.SUBMITTED, 24)
    post_as_browser(
        gla,
        REVIEW,
        f'form[action="{reverse("pilots_readings_review_act")}"]',
        data={"reading": [str(reading.pk)], "action": "approve"},
    )
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.APPROVED
    assert [r["value"] for r in api_readings(client, kpi)] == [24.0]

    # Who did what, and when: in the audit log and on the reading's page.
    entries = ModelLogEntry.objects.for_instance(reading).filter(action__startswith="pilots.")
    assert list(entries.order_by("timestamp", "pk").values_list("action", "user__username")) == [
        ("pilots.reading_submitted", "officer-barnet"),
        ("pilots.reading_returned", "convenor"),
        ("pilots.reading_submitted", "officer-barnet"),
        ("pilots.reading_approved", "convenor"),
    ]
    returned = entries.get(action="pilots.reading_returned")
    assert returned.data == {"comment": "August looks low: check the late referrals."}
    page = text(officer.get(readings_page))
    assert "Returned by" in page and "Approved by" in page and "Locked" in page
