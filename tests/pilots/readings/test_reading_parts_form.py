"""An officer enters a reading of a KPI split by categories: one input per category, and
a count's categories add up to its total or the officer says why not. An approved
reading's categories are locked with it; another borough's answer 404."""

import datetime as dt
from decimal import Decimal

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import KPIReading, ReadingPart
from tests.conftest import breakdown_make
from tests.pilots.admin.page_forms import form_values
from tests.pilots.conftest import csrf_token
from tests.pilots.readings.parts_helpers import parts_of, reading_with_parts

JULY = dt.date(2023, 7, 1)


def _form(client, kpi, period: str = "2023-07-01") -> dict:
    """The reading form's values as the page offers them for `period`."""
    url = reverse("pilots_readings", args=[kpi.pk])
    page = client.get(url, {"period": period})
    assert page.status_code == 200
    form = BeautifulSoup(page.content, "html.parser").select_one(f'form[action="{url}"]')
    return form_values(form)


def _post(client, kpi, data: dict):
    return client.post(reverse("pilots_readings", args=[kpi.pk]), {**data, "action": "submit"})


def _parts(kpi, *values) -> dict:
    return {f"part_{c.pk}": v for c, v in zip(kpi.split_by.categories.all(), values, strict=True)}


def test_one_input_per_category_and_parts_saved_with_the_reading(
    csrf_client, barnet_officer, split_kpi
):
    csrf_client.force_login(barnet_officer)
    data = _form(csrf_client, split_kpi)
    assert all(f"part_{c.pk}" in data for c in split_kpi.split_by.categories.all())
    response = _post(
        csrf_client, split_kpi, {**data, "value": "40", **_parts(split_kpi, 12, 20, 8)}
    )
    assert response.status_code == 302
    reading = KPIReading.objects.get(kpi=split_kpi)
    assert reading.status == KPIReading.Status.SUBMITTED
    assert parts_of(reading) == [("Under 25", 12), ("25 to 49", 20), ("50 and over", 8)]
    page = csrf_client.get(reverse("pilots_readings", args=[split_kpi.pk])).content.decode()
    assert "Under 25 12, 25 to 49 20, 50 and over 8" in page


def test_categories_that_do_not_add_up_are_refused_without_a_reason(
    csrf_client, barnet_officer, split_kpi
):
    csrf_client.force_login(barnet_officer)
    data = {**_form(csrf_client, split_kpi), "value": "40", **_parts(split_kpi, 12, 10, 8)}
    response = _post(csrf_client, split_kpi, data)
    assert response.status_code == 200
    assert "add up to 30, not the total 40" in response.content.decode()
    assert not KPIReading.objects.filter(kpi=split_kpi).exists()
    assert not ReadingPart.objects.exists()


def test_a_reason_lets_the_categories_differ_from_the_total(csrf_client, barnet_officer, split_kpi):
    csrf_client.force_login(barnet_officer)
    reason = "Ten people did not give their age."
    data = {**_form(csrf_client, split_kpi), "value": "40", **_parts(split_kpi, 12, 10, 8),
            "parts_reason": reason}  # fmt: skip
    assert _post(csrf_client, split_kpi, data).status_code == 302
    reading = KPIReading.objects.get(kpi=split_kpi)
    assert reading.parts_reason == reason and len(parts_of(reading)) == 3


def test_no_categories_at_all_is_no_breakdown(csrf_client, barnet_officer, split_kpi):
    csrf_client.force_login(barnet_officer)
    assert (
        _post(csrf_client, split_kpi, {**_form(csrf_client, split_kpi), "value": "40"}).status_code
        == 302
    )
    assert KPIReading.objects.get(kpi=split_kpi).parts.count() == 0


def test_a_correction_replaces_the_parts_and_keeps_the_form_filled(
    csrf_client, barnet_officer, split_kpi
):
    reading_with_parts(split_kpi, JULY, 40, [12, 20, 8])
    csrf_client.force_login(barnet_officer)
    data = _form(csrf_client, split_kpi)
    assert [data[k] for k in _parts(split_kpi, 0, 0, 0)] == ["12.00", "20.00", "8.00"]
    data.update(_parts(split_kpi, 15, 17, 8))
    assert _post(csrf_client, split_kpi, data).status_code == 302
    reading = KPIReading.objects.get(kpi=split_kpi)
    assert [v for _, v in parts_of(reading)] == [15, 17, 8]
    assert ReadingPart.objects.filter(reading=reading).count() == 3


def test_an_approved_readings_categories_are_locked(csrf_client, barnet_officer, split_kpi):
    reading = reading_with_parts(split_kpi, JULY, 40, [12, 20, 8], approved=True)
    csrf_client.force_login(barnet_officer)
    data = {**_form(csrf_client, split_kpi), "value": "40", **_parts(split_kpi, 20, 12, 8)}
    response = _post(csrf_client, split_kpi, data)
    assert response.status_code == 200
    assert "this reading is approved, so it is locked" in response.content.decode()
    assert [v for _, v in parts_of(reading)] == [12, 20, 8]


def test_another_boroughs_split_kpi_answers_404(csrf_client, brent_officer, split_kpi):
    reading = reading_with_parts(split_kpi, JULY, 40, [12, 20, 8])
    csrf_client.force_login(brent_officer)
    url = reverse("pilots_readings", args=[split_kpi.pk])
    assert csrf_client.get(url, {"period": "2023-07-01"}).status_code == 404
    data = {"csrfmiddlewaretoken": csrf_token(csrf_client), "period_start": "2023-07-01",
            "value": "9", **_parts(split_kpi, 3, 3, 3)}  # fmt: skip
    assert csrf_client.post(url, data).status_code == 404
    assert [v for _, v in parts_of(reading)] == [12, 20, 8]


def test_the_form_page_asks_the_same_queries_as_categories_and_readings_grow(
    client, barnet_officer, barnet_pilot
):
    from pilots.models import KPI

    def measure(categories: int, periods: int) -> int:
        breakdown = breakdown_make(f"List of {categories}", [f"C{i}" for i in range(categories)])
        kpi = KPI.objects.create(pilot=barnet_pilot, name=f"K{categories}", frequency="monthly",
                                 split_by=breakdown, baseline=0, target=10)  # fmt: skip
        for month in range(periods):
            values = [Decimal(1)] * categories
            reading_with_parts(kpi, dt.date(2023, 7 + month, 1), categories, values)
        client.force_login(barnet_officer)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("pilots_readings", args=[kpi.pk]), {"period": "2023-07-01"})
        assert page.status_code == 200
        return len(queries)

    assert measure(3, 1) == measure(30, 6)
