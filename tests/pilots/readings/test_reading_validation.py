"""An officer enters a KPI reading per period: numbers only, percentages 0–100, only the
periods the KPI owes, one reading per period; a correction keeps a revision, and the
page shows progress to target."""

from decimal import Decimal

from django.urls import reverse
from wagtail.models import Revision

from pilots.models import KPIReading


def post(client, kpi, **data):
    return client.post(reverse("pilots_readings", args=[kpi.pk]), data)


def test_reading_is_saved_and_progress_shown(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    response = post(client, barnet_monthly_kpi, period_start="2023-07-01", value="40", note="")
    assert response.status_code == 302
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi).value == Decimal(40)
    page = client.get(reverse("pilots_readings", args=[barnet_monthly_kpi.pk])).content.decode()
    assert "Progress to target: 50%" in page  # baseline 0, target 80


def test_text_negative_and_over_100_are_refused(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    error = f"Enter {barnet_monthly_kpi.name} as a percentage: a number from 0 to 100"
    for value in ("twelve", "-1", "101"):
        response = post(client, barnet_monthly_kpi, period_start="2023-07-01", value=value)
        assert response.status_code == 200 and error in response.content.decode()
    assert not KPIReading.objects.filter(kpi=barnet_monthly_kpi).exists()


def test_period_must_fit_frequency_and_pilot_dates(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    for period in ("2022-01-01", "2023-07-15", "2024-02-01"):
        response = post(client, barnet_monthly_kpi, period_start=period, value="5")
        assert "Choose period from the list" in response.content.decode()
    assert not KPIReading.objects.filter(kpi=barnet_monthly_kpi).exists()


def test_correction_keeps_one_reading_and_a_revision(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    post(client, barnet_monthly_kpi, period_start="2023-08-01", value="10")
    post(client, barnet_monthly_kpi, period_start="2023-08-01", value="12.5", note="corrected")
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi)
    assert (reading.value, reading.note) == (Decimal("12.5"), "corrected")
    history = Revision.objects.for_instance(reading).order_by("pk")
    assert [r.content["value"] for r in history] == ["10.00", "12.50"]
    assert history.last().user == barnet_officer


def test_officer_cannot_enter_another_boroughs_reading(client, barnet_officer, brent_pilot):
    client.force_login(barnet_officer)
    kpi = brent_pilot.kpis.first()
    before = list(KPIReading.objects.filter(kpi=kpi).values_list("period_start", "value"))
    assert client.get(reverse("pilots_readings", args=[kpi.pk])).status_code == 404
    assert post(client, kpi, period_start="2023-07-01", value="1").status_code == 404
    assert list(KPIReading.objects.filter(kpi=kpi).values_list("period_start", "value")) == before
