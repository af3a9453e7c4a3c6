"""Only approved readings count in public: a reading waiting for review, returned or a
draft changes neither the case study, nor the API's KPIs, nor open data, until a convenor
approves it. Approving it clears the cached pages so the case study shows it at once."""

import datetime as dt

import pytest

from pilots.models import KPIReading
from pilots.readings.review import readings_approve
from tests.pilots.readings.review_helpers import reading_add
from toolkit.opendata import DATASETS

pytestmark = pytest.mark.django_db
LATER = dt.date(2023, 10, 1)


def public_view(client, case_study, barnet_pilot) -> tuple:
    kpi = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    readings = DATASETS["kpi-readings"].build().total
    page = client.get(case_study.url).content.decode()
    return kpi["latest_value"], kpi["latest_period_start"], readings, "987" in page


@pytest.mark.parametrize("status", ["draft", "submitted", "returned"])
def test_a_reading_not_approved_counts_nowhere(client, case_study, barnet_pilot, status):
    kpi = barnet_pilot.kpis.get()
    last = kpi.readings.order_by("period_start").last()
    before = public_view(client, case_study, barnet_pilot)
    reading_add(kpi, last.period_start.replace(year=last.period_start.year + 1), 987, status)
    assert public_view(client, case_study, barnet_pilot) == before


def test_approval_makes_it_count(client, case_study, barnet_pilot, convenor):
    kpi = barnet_pilot.kpis.get()
    last = kpi.readings.order_by("period_start").last()
    before = public_view(client, case_study, barnet_pilot)  # cached now
    later = last.period_start.replace(year=last.period_start.year + 1)
    reading = reading_add(kpi, later, 987)
    readings_approve(KPIReading.objects.filter(pk=reading.pk), user=convenor)
    after = public_view(client, case_study, barnet_pilot)
    assert after[:2] == (987.0, later.isoformat())
    assert after[3] and not before[3]
