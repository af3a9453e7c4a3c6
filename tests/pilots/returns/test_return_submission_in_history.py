"""The readings a return creates show their submission in their history as a reading
typed into the form does: "Submitted for review by <officer>, <when>". The audit log
holds it as the return's one entry (a return may create 100,000 readings), saying how
many readings it submitted; a later submission of the same reading is its own entry."""

import datetime as dt

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from pilots.models import KPIReading
from tests.pilots.admin.page_forms import browser, post_as_browser
from tests.pilots.returns.returns_helpers import filled, import_bytes

JULY, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)


def history(client, kpi, label: str) -> list[str]:
    """The history lines of period `label` on the KPI's readings page."""
    soup = BeautifulSoup(
        client.get(reverse("pilots_readings", args=[kpi.pk])).content, "html.parser"
    )
    row = next(tr for tr in soup.select("table.listing tbody tr") if tr.td.get_text() == label)
    lines = (" ".join(s.get_text().split()) for s in row.select("td small"))
    return [line.rsplit(",", 1)[0] for line in lines if " by " in line]  # without the time


def test_a_returns_readings_show_their_submission(
    barnet_pilot, barnet_monthly_kpi, barnet_officer, convenor
):
    kpi, officer, gla = barnet_monthly_kpi, browser(barnet_officer), browser(convenor)
    name = ModelLogEntry(user=barnet_officer).user_display_name
    upload = import_bytes(barnet_pilot.borough, filled(barnet_pilot.borough, {(kpi.pk, JULY): 33}),
                          user=barnet_officer)  # fmt: skip
    assert upload.status == upload.Status.DONE
    # August typed into the form: its history reads as July's.
    post_as_browser(
        officer,
        reverse("pilots_readings", args=[kpi.pk]),
        "#reading-form + p + form",
        data={"period_start": AUG.isoformat(), "value": "20", "action": "submit"},
    )
    submitted = [f"Submitted for review by {name}"]
    assert history(officer, kpi, "July 2023") == history(officer, kpi, "August 2023") == submitted

    # The audit log: the return's entry says what it submitted.
    entry = ModelLogEntry.objects.for_instance(upload).get(action="pilots.return_imported")
    assert entry.user == barnet_officer
    assert registry.get_formatter(entry).format_message(entry) == (
        "KPI return imported; readings submitted for review: 1 new, 0 corrected"
    )

    # Returned, then corrected by another return: each step follows in the history.
    july = KPIReading.objects.get(kpi=kpi, period_start=JULY)
    post_as_browser(
        gla,
        reverse("pilots_readings_review"),
        f'form[action="{reverse("pilots_readings_review_act")}"]',
        data={"reading": [str(july.pk)], "action": "return", "comment": "Check July."},
    )
    again = import_bytes(barnet_pilot.borough, filled(barnet_pilot.borough, {(kpi.pk, JULY): 35}),
                         user=barnet_officer)  # fmt: skip
    assert (again.status, again.updated) == (again.Status.DONE, 1)
    convenor_name = ModelLogEntry(user=convenor).user_display_name
    returned = f"Returned by {convenor_name}"
    assert history(gla, kpi, "July 2023") == [*submitted, returned, *submitted]
