"""The "Readings to review" listing costs the same number of queries however many
readings wait: ten times as many readings, from more pilots and KPIs, cost no more."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import KPI, KPIReading, Pilot


def readings_waiting(n: int) -> None:
    """`n` submitted readings spread over every pilot of the 2023 Lab, a KPI each per 4."""
    pilots = list(Pilot.objects.order_by("pk"))
    kpis = [
        KPI.objects.create(pilot=pilots[i % len(pilots)], name=f"Load KPI {i}", frequency="monthly")
        for i in range(n // 4)
    ]
    KPIReading.objects.bulk_create(
        KPIReading(
            kpi=kpis[i // 4],
            period_start=dt.date(2020, i % 4 + 1, 1),
            value=i,
            status=KPIReading.Status.SUBMITTED,
        )
        for i in range(n)
    )


def queries(client, **filters) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("pilots_readings_review"), filters)
    assert response.status_code == 200
    return len(captured)


def test_listing_queries_do_not_grow(client, convenor):
    client.force_login(convenor)
    readings_waiting(4)
    client.get(reverse("pilots_readings_review"))  # warm the session and content types
    small = queries(client)
    small_filtered = queries(client, borough=Pilot.objects.first().borough_id)
    readings_waiting(40)
    assert KPIReading.objects.to_review().count() == 44
    assert queries(client) == small
    assert queries(client, borough=Pilot.objects.first().borough_id) == small_filtered
