"""An officer gives a reading its story, enters a percentage as two counts, and confirms an
unusual figure with a reason; mistakes are refused in plain words and change nothing.
Convenors follow confirmed unusual figures up in a list officers may not open."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import KPI, KPIReading
from tests.pilots.access.access_matrix_world import form_data
from tests.refusals import refused

JUL, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)


def post(client, kpi, **fields):
    """Post the reading form as a browser does: with the page's CSRF token and fields."""
    url = reverse("pilots_readings", args=[kpi.pk])
    data = form_data(client.get(url)) | {k: str(v) for k, v in fields.items()}
    data = {k: v for k, v in data.items() if k != "confirm" or v}
    return client.post(url, data)


def errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one(".dl-error-summary").get_text().split())


def state() -> list:
    return list(KPIReading.objects.order_by("pk").values())


@pytest.fixture
def ratio_kpi(barnet_pilot):
    return KPI.objects.create(
        pilot=barnet_pilot, name="Placements kept", unit=KPI.Unit.PERCENT,
        frequency=KPI.Frequency.MONTHLY, baseline=Decimal(0), target=Decimal(80),
        entered_as_ratio=True,
    )  # fmt: skip


def test_a_reading_keeps_its_story(csrf_client, barnet_officer, barnet_monthly_kpi):
    csrf_client.force_login(barnet_officer)
    story = {"what_happened": "Referrals paused in July", "next_step": "Reopen referrals"}
    response = post(csrf_client, barnet_monthly_kpi, period_start=JUL, value=50, **story)
    assert response.status_code == 302
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi)
    assert (reading.what_happened, reading.next_step) == (
        "Referrals paused in July",
        "Reopen referrals",
    )
    page = csrf_client.get(reverse("pilots_readings", args=[barnet_monthly_kpi.pk]))
    text = " ".join(BeautifulSoup(page.content, "html.parser").get_text().split())
    assert "What happened: Referrals paused in July" in text
    assert "Next step: Reopen referrals" in text
    assert "✗ Off track" in text  # 50 against 80 from 0: short by more than 12


def test_a_percentage_entered_as_two_counts(csrf_client, barnet_officer, ratio_kpi):
    csrf_client.force_login(barnet_officer)
    form = csrf_client.get(reverse("pilots_readings", args=[ratio_kpi.pk]))
    soup = BeautifulSoup(form.content, "html.parser")
    assert soup.select_one("input[name=numerator]") and not soup.select_one("input[name=value]")
    assert (
        post(csrf_client, ratio_kpi, period_start=JUL, numerator=15, denominator=20).status_code
        == 302
    )
    reading = KPIReading.objects.get(kpi=ratio_kpi)
    assert (reading.value, reading.numerator, reading.denominator) == (
        Decimal("75.00"),
        Decimal("15.00"),
        Decimal("20.00"),
    )


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [
        (21, 20, "The numerator (21) is above the denominator (20)"),
        (0, 0, "The denominator is 0, so there is no percentage to work out"),
    ],
)
def test_counts_that_make_no_percentage_are_refused(
    csrf_client, barnet_officer, ratio_kpi, numerator, denominator, message
):
    csrf_client.force_login(barnet_officer)
    before = state()
    response = post(csrf_client, ratio_kpi, period_start=JUL, numerator=numerator,
                    denominator=denominator)  # fmt: skip
    assert response.status_code == 200 and message in errors(response)
    assert state() == before


def test_a_cumulative_total_falls_only_with_a_reason(
    csrf_client, barnet_officer, barnet_monthly_kpi
):
    barnet_monthly_kpi.kind = KPI.Kind.CUMULATIVE
    barnet_monthly_kpi.save()
    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=JUL, value=Decimal(40))
    csrf_client.force_login(barnet_officer)
    before = state()
    response = post(csrf_client, barnet_monthly_kpi, period_start=AUG, value=35)
    assert "is a total to date, and 35 is below the previous period's 40" in errors(response)
    assert state() == before
    response = post(csrf_client, barnet_monthly_kpi, period_start=AUG, value=35,
                    what_happened="July double-counted two placements")  # fmt: skip
    assert response.status_code == 302
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=AUG).value == 35


def test_an_unusual_figure_needs_a_confirmation_and_a_reason(
    csrf_client, barnet_officer, convenor, barnet_monthly_kpi
):
    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=JUL, value=Decimal(10))
    csrf_client.force_login(barnet_officer)
    before = state()
    response = post(csrf_client, barnet_monthly_kpi, period_start=AUG, value=40)
    assert "40 is more than three times the previous period's 10" in errors(response)
    response = post(csrf_client, barnet_monthly_kpi, period_start=AUG, value=40, confirm="on")
    assert "If it is right, confirm it and say why" in errors(response)
    assert state() == before

    response = post(csrf_client, barnet_monthly_kpi, period_start=AUG, value=40, confirm="on",
                    confirm_reason="A second referral route opened")  # fmt: skip
    assert response.status_code == 302
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=AUG)
    assert reading.quality_warning == "40 is more than three times the previous period's 10"
    assert reading.quality_reason == "A second referral route opened"

    # The convenor's follow-up list names it, by Lab and borough; the officer may not look.
    url = reverse("pilots_outliers")
    assert refused(csrf_client.get(url))
    csrf_client.force_login(convenor)
    text = csrf_client.get(url, {"borough": barnet_monthly_kpi.pilot.borough_id}).content.decode()
    assert "A second referral route opened" in text and "Placements lasting three months" in text
    brent = csrf_client.get(url, {"borough": _brent_id()}).content.decode()
    assert "A second referral route opened" not in brent


def test_outside_the_plausible_range(csrf_client, barnet_officer, barnet_monthly_kpi):
    barnet_monthly_kpi.plausible_min, barnet_monthly_kpi.plausible_max = Decimal(5), Decimal(60)
    barnet_monthly_kpi.save()
    csrf_client.force_login(barnet_officer)
    response = post(csrf_client, barnet_monthly_kpi, period_start=JUL, value=70)
    assert "70 is outside the plausible range for “Placements lasting three months” (5 to 60)" in (
        errors(response)
    )
    assert not KPIReading.objects.filter(kpi=barnet_monthly_kpi).exists()


def _brent_id() -> int:
    from designlab.models import Borough

    return Borough.objects.get(slug="brent").pk
