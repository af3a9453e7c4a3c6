"""A reading corrected from a form loaded before someone else's save is refused with a
clear message, not silently overwriting their value; two saves at once take turns, so the
second is refused too (threads on PostgreSQL)."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from pilots.models import KPIReading
from pilots.readings.write import reading_save
from tests.pilots.readings.review_helpers import reopened

PERIOD = "2023-08-01"
AUG = dt.date(2023, 8, 1)


def opened(user, kpi, period=PERIOD) -> tuple[Client, dict]:
    """A CSRF-checking client with the form opened for `period`: what it would post."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    url = reverse("pilots_readings", args=[kpi.pk]) + f"?period={period}"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    form = soup.select_one("form[method=post]")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    return client, {**data, "period_start": period, "note": ""}


def post(client, kpi, data, value):
    return client.post(reverse("pilots_readings", args=[kpi.pk]), {**data, "value": value})


def test_a_save_from_an_out_of_date_form_is_refused(barnet_officer, convenor, barnet_monthly_kpi):
    kpi = barnet_monthly_kpi
    reading_save(kpi=kpi, period_start=AUG, value=Decimal(10), note="", user=convenor)
    client, data = opened(barnet_officer, kpi)
    assert data["seen"].startswith(PERIOD + "@")
    reading_save(kpi=kpi, period_start=AUG, value=Decimal(30), note="", user=convenor)

    refused = post(client, kpi, data, "20")
    assert refused.status_code == 200
    assert "Someone else saved this reading after you opened the form" in refused.content.decode()
    assert KPIReading.objects.get(kpi=kpi, period_start=PERIOD).value == Decimal(30)

    client, data = opened(barnet_officer, kpi)  # opened again: the save goes through
    assert post(client, kpi, data, "20").status_code == 302
    assert KPIReading.objects.get(kpi=kpi, period_start=PERIOD).value == Decimal(20)


@pytest.mark.slow
def test_two_saves_at_once_one_is_refused(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql":
        pytest.skip("threads share no transaction on SQLite's test database")
    from django.contrib.auth import get_user_model

    from designlab.models import Lab
    from pilots.models import KPI
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    # A transactional test starts from an empty database, unless it is the first one.
    if not Lab.objects.filter(slug="asylum-welcome-2023").exists():
        load_asylum_welcome_2023()
        demo_accounts_ensure()
    kpi = KPI.objects.filter(pilot__borough__slug="barnet", frequency="quarterly").first()
    reopened(kpi.readings.all())  # approved when seeded: reopened, to correct
    officer = get_user_model().objects.get(username="officer-barnet")
    forms = [opened(officer, kpi, "2023-10-01") for _ in range(2)]
    start, answers = threading.Barrier(2), []

    def save(client, data, value):
        try:
            start.wait()
            answers.append(post(client, kpi, data, value).status_code)
        finally:
            connections.close_all()

    pairs = zip(forms, ("11", "12"), strict=True)  # near the 10 before: nothing unusual
    threads = [threading.Thread(target=save, args=(*f, v)) for f, v in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 302]  # one saved, one told its form is out of date
    assert KPIReading.objects.filter(kpi=kpi, period_start="2023-10-01").count() == 1
