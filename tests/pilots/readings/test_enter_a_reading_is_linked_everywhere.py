"""An officer finds where to enter one reading without anything being overdue: "Enter a
reading" is linked from each KPI on the officer's home page, on the pilot's editor (KPIs
tab) and inspect page, and from the pilots list through the pilot's readings page."""

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import KPIReading

ENTER = "Enter a reading"


def links(client, url: str) -> dict[str, str]:
    """Each "Enter a reading" link on the page: its target → its accessible text."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        a["href"]: " ".join(a.get_text().split())
        for a in soup.select("a[href]")
        if a.get_text().strip().startswith(ENTER)
    }


def test_every_kpi_links_to_its_reading_form(client, barnet_officer, barnet_pilot):
    # Nothing due: every period already has its reading.
    kpis = list(barnet_pilot.kpis.all())
    assert kpis
    client.force_login(barnet_officer)
    forms = {kpi: reverse("pilots_readings", args=[kpi.pk]) + "#reading-form" for kpi in kpis}

    home = links(client, reverse("wagtailadmin_home"))
    editor = links(client, reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk]))
    inspect = links(client, reverse("wagtailsnippets_pilots_pilot:inspect", args=[barnet_pilot.pk]))
    for kpi, target in forms.items():
        for page in (home, editor, inspect):
            assert page[target] == f"{ENTER} for {kpi.name}"

    # The pilots list links to the pilot's readings page, which links to each KPI's form.
    pilot_page = reverse("pilots_pilot_readings", args=[barnet_pilot.pk])
    listed = links(client, reverse("wagtailsnippets_pilots_pilot:list"))
    assert listed == {pilot_page: f"{ENTER} for {barnet_pilot.title}"}
    assert set(links(client, pilot_page)) == set(forms.values())


def test_the_pilots_readings_page_shows_each_kpis_latest_reading(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi
):
    import datetime as dt

    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=dt.date(2023, 8, 1), value=20)
    client.force_login(barnet_officer)
    page = client.get(reverse("pilots_pilot_readings", args=[barnet_pilot.pk]))
    row = next(
        tr
        for tr in BeautifulSoup(page.content, "html.parser").select("tbody tr")
        if barnet_monthly_kpi.name in tr.get_text()
    )
    cells = [" ".join(td.get_text().split()) for td in row.select("td")]
    assert cells[:4] == ["0", "80", "20 (Aug 2023)", "25%"]


def test_another_boroughs_pilot_readings_page_is_not_found(client, barnet_officer, brent_pilot):
    client.force_login(barnet_officer)
    url = reverse("pilots_pilot_readings", args=[brent_pilot.pk])
    assert client.get(url).status_code == 404
