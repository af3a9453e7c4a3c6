"""GET /api/v1/indicators/: each shared indicator with, per Lab and period, every borough's
figure and the Lab's pooled one, from approved readings of published pilots only; counts
of people below the threshold withheld (null, suppressed true) and so is every total that
adds one up, so that no withheld figure is the pooled figure minus the rest, nor the
difference of two filtered answers."""

import datetime as dt

import pytest

from designlab.models import Lab, Participation
from pilots.models import KPIReading, Pilot
from tests.pilots.indicators.world import (
    JULY,
    OCTOBER,
    adopt,
    indicator_make,
    people_reached_make,
    ratio_kpi,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/indicators/"


@pytest.fixture
def people_reached(lab, barnet_pilot, brent_pilot):
    return people_reached_make(lab, barnet_pilot, brent_pilot)


def _periods(client, slug="people-reached", **params) -> dict:
    answer = client.get(URL, params).json()
    item = next(i for i in answer["results"] if i["slug"] == slug)
    return {p["period_start"]: p for p in item["labs"][0]["periods"]}


def _figures(period) -> dict:
    return {b["borough"]: (b["value"], b["suppressed"]) for b in period["boroughs"]}


def test_boroughs_and_pooled_per_period(client, people_reached):
    periods = _periods(client)

    october = periods[str(OCTOBER)]
    assert _figures(october) == {"Barnet": (20.0, False), "Brent": (30.0, False)}
    assert october["pooled"] == {"value": 50.0, "suppressed": False, "boroughs_included": 2,
                                 "boroughs_missing": []}  # fmt: skip


def test_percentages_pool_from_numerators_and_denominators(client, lab, barnet_pilot, brent_pilot):
    share = indicator_make([lab], "share-in-work", unit="percent")
    ratio_kpi(barnet_pilot, share, {JULY: (12, 20)})
    ratio_kpi(brent_pilot, share, {JULY: (90, 100)})

    july = _periods(client, "share-in-work")[str(JULY)]

    assert _figures(july) == {"Barnet": (60.0, False), "Brent": (90.0, False)}
    assert july["pooled"]["value"] == 85.0  # 102 / 120, not (60 + 90) / 2


def test_only_approved_readings_of_published_pilots(client, people_reached, brent_pilot):
    KPIReading.objects.filter(kpi__pilot=brent_pilot, period_start=OCTOBER).update(
        status=KPIReading.Status.SUBMITTED
    )
    Pilot.objects.filter(borough__slug="barnet").update(live=False)

    periods = _periods(client)

    assert _figures(periods[str(JULY)]) == {"Brent": (15.0, False)}
    assert str(OCTOBER) not in periods  # Brent's October reading waits for review
    assert periods[str(JULY)]["pooled"]["boroughs_missing"] == []  # Barnet's pilot is not public


def test_a_withheld_borough_hides_the_pooled_figure(client, people_reached, brent_pilot):
    # Brent's July reading is 15; made 4, a small count of people.
    KPIReading.objects.filter(kpi__pilot=brent_pilot, period_start=JULY).update(value=4)

    july = _periods(client)[str(JULY)]

    assert _figures(july) == {"Barnet": (10.0, False), "Brent": (None, True)}
    assert july["pooled"]["value"] is None and july["pooled"]["suppressed"] is True
    assert july["pooled"]["boroughs_included"] == 2


def test_no_withheld_figure_can_be_worked_back_across_labs_filters_and_readings(
    client, lab, people_reached, brent_pilot
):
    """Every figure the API publishes, filtered or not, with every reading /readings/
    publishes: no sum of shown figures, less the others, gives a withheld one."""
    KPIReading.objects.filter(kpi__pilot=brent_pilot, period_start=JULY).update(value=4)
    # A second Lab that uses the indicator too: its filtered answer must agree.
    later = Lab.objects.create(
        name="Lab 2024", slug="lab-2024", convenor="GLA",
        starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 9, 30),
    )  # fmt: skip
    Participation.objects.create(lab=later, borough=brent_pilot.borough)
    people_reached.labs.add(later)

    answers = [client.get(URL).json(), client.get(URL, {"lab": lab.slug}).json()]
    shown = []
    for answer in answers:
        (item,) = [i for i in answer["results"] if i["slug"] == "people-reached"]
        (mine,) = [x for x in item["labs"] if x["lab"] == lab.slug]
        for period in mine["periods"]:
            shown.append((period["period_start"], "pooled", period["pooled"]["value"]))
            shown += [
                (period["period_start"], b["borough"], b["value"]) for b in period["boroughs"]
            ]
    readings = client.get("/api/v1/readings/", {"page_size": 100}).json()["results"]
    by_reading = {(r["period_start"], r["borough"]): r["value"] for r in readings
                  if r["kpi_name"] in ("Volunteering placements started",
                                       "Families using the Travel Scheme")}  # fmt: skip

    july = str(JULY)
    assert by_reading[july, "Brent"] is None  # the reading itself is withheld
    assert {(b, v) for p, b, v in shown if p == july} == {("pooled", None), ("Barnet", 10.0),
                                                         ("Brent", None)}  # fmt: skip
    # Nothing shown for July adds up Brent's 4: pooled hidden in every answer.
    assert all(v is None for p, b, v in shown if p == july and b in ("pooled", "Brent"))


def test_a_borough_total_a_few_people_from_its_last_is_withheld(
    client, people_reached, barnet_pilot
):
    """Barnet's two KPIs: each reading alone moves by 10 or more, their total by 3."""
    from pilots.models import KPI

    second = KPI.objects.create(pilot=barnet_pilot, name="Drop-in visits", sort_order=3)
    adopt(second, people_reached)
    KPIReading.objects.create(kpi=second, period_start=JULY, value=30, status="approved")
    KPIReading.objects.create(kpi=second, period_start=OCTOBER, value=13, status="approved")
    # Barnet: July 10 + 30 = 40, October 20 + 13 = 33: seven people apart.

    periods = _periods(client)

    assert _figures(periods[str(JULY)])["Barnet"] == (40.0, False)
    assert _figures(periods[str(OCTOBER)])["Barnet"] == (None, True)
    assert periods[str(OCTOBER)]["pooled"]["suppressed"] is True


def test_bad_lab_is_400(client):
    response = client.get(URL, {"lab": "no such lab!"})
    assert response.status_code == 400 and "lab" in response.json()["detail"]


def test_queries_do_not_grow_with_ten_times_the_indicators(client, lab):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.pilots.indicators.world import indicators_grow

    def queries() -> int:
        cache.clear()  # answers are cached until the next publish
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    indicators_grow(lab, 2)
    small = queries()
    indicators_grow(lab, 18)

    assert small == queries() <= 10
    assert client.get(URL).json()["count"] == 20
