"""A count of people withheld on one public surface is withheld on all of them: the case
study's chart and KPI table, the API's KPIs and readings, and the open data file judge each
series whole (`toolkit.published.readings_hidden`), so none shows a figure another hides."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from pilots.models import KPI
from tests.pilots.readings.review_helpers import reading_add

pytestmark = pytest.mark.django_db
JUL, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)


@pytest.fixture
def arrivals(barnet_pilot):
    """50 people at the baseline, then 70, then 75: August's 75 is not small, but it is
    five people more than July's, so it would count them."""
    kpi = KPI.objects.create(
        pilot=barnet_pilot, name="People welcomed", unit=KPI.Unit.COUNT, baseline=Decimal(50),
        target=Decimal(120), frequency=KPI.Frequency.MONTHLY, sort_order=30,
    )  # fmt: skip
    reading_add(kpi, JUL, 70, "approved")
    reading_add(kpi, AUG, 75, "approved")
    return kpi


def test_a_reading_a_few_people_from_the_last_is_withheld_everywhere(client, case_study, arrivals):
    by_period = {
        r["period_start"]: r
        for r in client.get("/api/v1/readings/", {"kpi": arrivals.pk}).json()["results"]
    }
    assert by_period["2023-07-01"]["value"] == 70
    assert by_period["2023-08-01"] == by_period["2023-08-01"] | {"value": None, "suppressed": True}

    kpis = client.get("/api/v1/kpis/", {"page_size": 100}).json()["results"]
    latest = next(k for k in kpis if k["id"] == arrivals.pk)
    assert latest["latest_value"] is None and latest["suppressed"]
    assert latest["progress_percent"] is None and latest["status"] is None

    rows = json.loads(b"".join(client.get("/open-data/readings.json").streaming_content))
    shown = {r["period_start"]: r["value"] for r in rows["rows"] if r["kpi"] == arrivals.pk}
    assert shown == {"2023-07-01": 70.0, "2023-08-01": None}

    page = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    section = page.select_one(f"#kpi-{arrivals.pk}-heading").find_parent("section")
    assert "75" not in section.get_text()
    assert len(section.select("svg circle")) == 1  # July only
