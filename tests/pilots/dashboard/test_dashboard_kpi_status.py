"""Convenors see every KPI's latest status, as a word and a symbol, with the story behind
it, on the Lab dashboard."""

import datetime as dt
from decimal import Decimal

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import KPI, KPIReading


def test_dashboard_shows_status_and_story(client, convenor, barnet_pilot):
    kpi = KPI.objects.create(pilot=barnet_pilot, name="Volunteers placed", baseline=Decimal(0),
                             target=Decimal(100), frequency=KPI.Frequency.MONTHLY)  # fmt: skip
    KPIReading.objects.create(kpi=kpi, period_start=dt.date(2023, 7, 1), value=Decimal(90),
                              what_happened="Two partners joined late",
                              next_step="Recruit at the autumn fair")  # fmt: skip
    client.force_login(convenor)
    soup = BeautifulSoup(client.get(reverse("lab_dashboard")).content, "html.parser")
    table = soup.select_one("#kpi-status").find_next("table")
    row = next(tr for tr in table.select("tbody tr") if "Volunteers placed" in tr.get_text())
    cells = [" ".join(td.get_text().split()) for td in row.select("th, td")]
    assert cells[0] == "Barnet" and cells[2] == "Volunteers placed"
    assert cells[4:] == ["! At risk", "Two partners joined late", "Recruit at the autumn fair"]
    assert "! At risk: " in " ".join(
        soup.select_one("#kpi-status").find_next("p").get_text().split()
    )
