"""A KPI with readings cannot be removed in the pilot editor: the form says which KPI and
saves nothing. A KPI without readings can go. A draft that removed a KPI before its first
reading arrived may still be approved: the KPI and its readings stay."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db.models import ProtectedError
from django.urls import reverse

from pilots.models import KPI, KPIReading, Pilot
from tests.pilots.access.access_matrix_world import form_data

JULY = dt.date(2023, 7, 1)


def edit_url(pilot: Pilot) -> str:
    return reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])


def removing(data: dict, kpi: KPI) -> dict:
    """The editor's form with `kpi`'s row marked for removal, as the row's delete button does."""
    [row] = [k for k, v in data.items() if re.fullmatch(r"kpis-\d+-id", k) and v == str(kpi.pk)]
    return data | {row.replace("-id", "-DELETE"): "1"}


@pytest.fixture
def unmeasured(barnet_pilot) -> KPI:
    """A KPI of the published pilot with no readings yet."""
    kpi = KPI(name="Mentors recruited", frequency=KPI.Frequency.MONTHLY, sort_order=5)
    barnet_pilot.kpis.add(kpi)
    barnet_pilot.save_revision().publish()
    return KPI.objects.get(pilot=barnet_pilot, name="Mentors recruited")


def test_removing_a_kpi_with_readings_is_refused(csrf_client, convenor, barnet_pilot):
    measured = KPI.objects.filter(pilot=barnet_pilot, readings__isnull=False).first()
    readings = measured.readings.count()
    csrf_client.force_login(convenor)
    data = removing(form_data(csrf_client.get(edit_url(barnet_pilot))), measured)
    response = csrf_client.post(edit_url(barnet_pilot), data | {"action-publish": "publish"})
    assert response.status_code == 200
    assert f"The KPI “{measured.name}” has readings, so it cannot be removed" in (
        response.content.decode()
    )
    assert measured.readings.count() == readings
    barnet_pilot.refresh_from_db()
    assert not barnet_pilot.has_unpublished_changes  # nothing was saved, not even a draft


def test_officer_cannot_remove_it_in_a_draft_either(csrf_client, barnet_officer, barnet_pilot):
    measured = KPI.objects.filter(pilot=barnet_pilot, readings__isnull=False).first()
    csrf_client.force_login(barnet_officer)
    data = removing(form_data(csrf_client.get(edit_url(barnet_pilot))), measured)
    response = csrf_client.post(edit_url(barnet_pilot), data)
    assert "has readings, so it cannot be removed" in response.content.decode()
    barnet_pilot.refresh_from_db()
    draft = barnet_pilot.latest_revision.as_object()
    assert measured.pk in [kpi.pk for kpi in draft.kpis.all()]


def test_a_kpi_without_readings_is_removed(csrf_client, convenor, barnet_pilot, unmeasured):
    csrf_client.force_login(convenor)
    data = removing(form_data(csrf_client.get(edit_url(barnet_pilot))), unmeasured)
    response = csrf_client.post(edit_url(barnet_pilot), data | {"action-publish": "publish"})
    assert response.status_code == 302
    assert not KPI.objects.filter(pk=unmeasured.pk).exists()


def test_approving_a_draft_that_dropped_a_kpi_since_measured_keeps_it(
    csrf_client, barnet_officer, convenor, barnet_pilot, unmeasured
):
    csrf_client.force_login(barnet_officer)
    data = removing(form_data(csrf_client.get(edit_url(barnet_pilot))), unmeasured)
    data |= {"title": "Volunteering, year two", "action-submit": "submit"}
    assert csrf_client.post(edit_url(barnet_pilot), data).status_code == 302
    # A return brings the KPI's first reading while the draft awaits approval.
    KPIReading.objects.create(kpi=unmeasured, period_start=JULY, value=Decimal(4))

    barnet_pilot.refresh_from_db()
    task_state = barnet_pilot.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_pilots_pilot:workflow_action",
        args=[barnet_pilot.pk, "approve", task_state.pk],
    )
    csrf_client.force_login(convenor)
    modal = BeautifulSoup(csrf_client.get(approve).json()["html"], "html.parser")
    token = modal.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = csrf_client.post(approve, {"csrfmiddlewaretoken": token, "comment": "Fine"})
    assert response.status_code in (200, 302)
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.title == "Volunteering, year two"  # the draft was published...
    assert KPI.objects.filter(pk=unmeasured.pk, pilot=barnet_pilot).exists()  # ...KPI kept
    assert unmeasured.readings.get().value == 4


def test_the_database_refuses_to_delete_a_measured_kpi(barnet_pilot):
    measured = KPI.objects.filter(pilot=barnet_pilot, readings__isnull=False).first()
    with pytest.raises(ProtectedError):
        measured.delete()
