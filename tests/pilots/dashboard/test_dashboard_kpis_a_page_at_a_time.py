"""A national Lab has tens of thousands of KPIs: the dashboard lists them a hundred at a
time, so the page stays small, and counts every one in the statuses above the list."""

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.seed.synthetic import Size, synthetic_seed


def _kpi_rows(html: str) -> list:
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("#kpi-status").find_next("table").select("tbody tr")


def test_kpis_are_listed_a_hundred_at_a_time(client, convenor):
    lab = synthetic_seed(Size(authorities=3, pilots_per=5, kpis_per=10, readings_per=2),
                         slug="synthetic-kpi-pages")  # fmt: skip
    client.force_login(convenor)
    url = reverse("lab_dashboard")
    first = client.get(url, {"lab": lab.pk}).content.decode()
    second = client.get(url, {"lab": lab.pk, "kpis": 2}).content.decode()

    assert len(_kpi_rows(first)) == 100 and len(_kpi_rows(second)) == 50
    assert "KPIs 1–100 of 150" in first and "Next KPIs" in first
    assert "KPIs 101–150 of 150" in second and "Previous KPIs" in second
    statuses = BeautifulSoup(first, "html.parser").select_one("#kpi-status").find_next("p")
    counted = [int(part.split(":")[1]) for part in statuses.get_text().split(".")[0].split("·")]
    assert sum(counted) <= 150 and sum(counted) > 100  # every KPI with a status, not a page
