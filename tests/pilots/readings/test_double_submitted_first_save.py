"""Issue 16, item 1: the first save of a reading, double-submitted (a double click), ends
in one reading and a friendly page, not an error page. Two requests at once, for real, on
PostgreSQL: the first holds its transaction open while the second posts the same form."""

import datetime as dt
import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from pilots.models import KPI, KPIReading
from pilots.readings.write import reading_save
from tests.cms.conftest import seeded_database  # noqa: F401  (a fixture)

pytestmark = pytest.mark.slow
JUL = "2023-07-01"


def second_is_waiting(timeout: float = 10.0) -> bool:
    """Whether another connection is waiting for a lock (the second save, on the KPI)."""
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


@pytest.mark.usefixtures("seeded_database")
def test_two_first_saves_at_once_make_one_reading():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    from django.contrib.auth import get_user_model

    barnet_officer = get_user_model().objects.get(username="officer-barnet")
    kpi = KPI.objects.create(
        pilot=barnet_officer.officer.borough.pilots.first(),
        name="Double clicks",
        unit=KPI.Unit.COUNT,
        frequency=KPI.Frequency.MONTHLY,
    )
    first_written, release = threading.Event(), threading.Event()
    answers = {}

    def first() -> None:
        try:
            with transaction.atomic():
                reading_save(
                    kpi=kpi,
                    period_start=dt.date(2023, 7, 1),
                    value=Decimal(40),
                    note="",
                    user=barnet_officer,
                )
                first_written.set()
                release.wait(10)
        finally:
            connections.close_all()

    def second() -> None:
        try:
            client = Client()
            client.force_login(barnet_officer)
            url = reverse("pilots_readings", args=[kpi.pk])
            answers["second"] = client.post(
                url, {"period_start": JUL, "value": "40", "action": "submit"}, follow=True
            )
        finally:
            connections.close_all()

    one = threading.Thread(target=first)
    one.start()
    assert first_written.wait(10)
    two = threading.Thread(target=second)
    two.start()
    waited = second_is_waiting()
    release.set()
    one.join(20), two.join(20)

    assert waited, "the second save did not wait for the first"
    response = answers["second"]
    assert response.status_code == 200
    said = response.content.decode()
    assert "nothing changed: this reading was already recorded." in said
    assert KPIReading.objects.filter(kpi=kpi).count() == 1
