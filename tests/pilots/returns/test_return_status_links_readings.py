"""After an import, the KPI return's status page links to each KPI whose readings it
changed, with how many are new and how many corrected."""

import datetime as dt

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import KPIReading
from tests.pilots.returns.returns_helpers import filled, import_bytes

JUL, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)


def changed_links(client, upload) -> dict[str, str]:
    page = client.get(reverse("pilots_return_status", args=[upload.pk]))
    soup = BeautifulSoup(page.content, "html.parser")
    heading = soup.find("h2", string="Readings this return changed")
    if heading is None:
        return {}
    return {
        li.a["href"]: " ".join(li.get_text().split())
        for li in heading.find_next_sibling("ul").select("li")
    }


def test_status_page_links_the_readings_a_return_changed(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi
):
    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=JUL, value=10)
    borough = barnet_pilot.borough
    upload = import_bytes(borough, filled(borough, {(barnet_monthly_kpi.pk, JUL): 12,
                                                    (barnet_monthly_kpi.pk, AUG): 20}))  # fmt: skip
    client.force_login(barnet_officer)
    readings = reverse("pilots_readings", args=[barnet_monthly_kpi.pk])
    assert changed_links(client, upload) == {
        readings: f"{barnet_monthly_kpi.name} ({barnet_pilot.title}): 1 new, 1 corrected"
    }
    # Other KPIs' readings were in the file unchanged: they are not listed.
    assert upload.unchanged > 0

    # The same file again changes nothing, and the page lists nothing.
    again = import_bytes(borough, filled(borough, {(barnet_monthly_kpi.pk, JUL): 12,
                                                   (barnet_monthly_kpi.pk, AUG): 20}))  # fmt: skip
    assert (again.created, again.updated) == (0, 0)
    assert changed_links(client, again) == {}
