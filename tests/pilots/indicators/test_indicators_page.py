"""The convenors' page of shared indicators: per indicator and period, each borough's
figure and the Lab's pooled figure with the boroughs in it and missing, and the
indicators several Labs share. Officers are refused (it names every borough's figures).
Its queries do not grow with the data."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from designlab.models import Lab, Participation
from pilots.models import KPI, KPIReading
from tests.pilots.indicators.world import OCTOBER, adopt, indicators_grow
from tests.refusals import refused

URL = reverse("lab_indicators")


def test_the_convenor_sees_each_borough_and_the_pooled_figure(
    client, convenor, lab, people_reached
):
    hounslow = KPI.objects.get(pilot__borough__slug="hounslow")
    adopt(hounslow, people_reached)
    hounslow.readings.filter(period_start=OCTOBER).update(status=KPIReading.Status.SUBMITTED)
    client.force_login(convenor)

    page = client.get(URL, {"lab": lab.pk}).content.decode()

    assert "People reached" in page
    assert "pooled: 2 of 3 boroughs; missing Hounslow" in page  # October: Hounslow waits
    assert "pooled: 3 of 3 boroughs)" in page  # July


def test_the_same_indicator_across_labs(client, convenor, lab, people_reached, barnet_pilot):
    later = Lab.objects.create(
        name="Lab 2024", slug="lab-2024", convenor="GLA",
        starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 9, 30),
    )  # fmt: skip
    Participation.objects.create(lab=later, borough=barnet_pilot.borough)
    people_reached.labs.add(later)
    client.force_login(convenor)

    page = client.get(URL).content.decode()

    section = page[page.index('id="across-labs"') :]
    assert "People reached" in section and "Lab 2024" in section
    assert "Asylum Welcome Design Lab" in section and "2 of 2" in section


def test_officers_are_refused_and_see_no_other_boroughs_figures(
    client, barnet_officer, people_reached
):
    client.force_login(barnet_officer)

    response = client.get(URL, follow=False)

    assert refused(response)
    assert "Brent" not in client.get(response["Location"]).content.decode().split("<main")[-1]


def _queries(client, lab) -> int:
    client.get(URL, {"lab": lab.pk})  # warm the session and content types
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"lab": lab.pk})
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_ten_times_the_indicators(client, convenor, lab):
    client.force_login(convenor)
    indicators_grow(lab, 2)
    small = _queries(client, lab)
    indicators_grow(lab, 18)  # twenty in all

    large = _queries(client, lab)

    assert small == large <= 20  # the admin's own (session, user, menus) are 11 of them
    assert client.get(URL, {"lab": lab.pk}).content.decode().count("pooled:") == 20 * 3
