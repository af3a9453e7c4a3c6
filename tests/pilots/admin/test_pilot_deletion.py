"""Only a draft that was never published may be deleted. A published pilot (or one with KPI
readings) is kept with its KPIs, readings and their history: nobody may delete it, through
the delete view or a bulk action; a convenor unpublishes it instead, which keeps it all.

Barnet's officer on Barnet's pilots throughout; every POST carries the page's CSRF token."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db.models import ProtectedError
from django.urls import reverse
from wagtail.models import Revision

from pilots.models import KPI, KPIReading, Pilot
from pilots.readings.write import reading_save
from tests.pilots.access.access_matrix_world import form_data
from tests.pilots.conftest import csrf_token
from tests.pilots.readings.review_helpers import reopened
from tests.refusals import refused

PILOTS = "wagtailsnippets_pilots_pilot:"


def delete_url(pilot: Pilot) -> str:
    return reverse(PILOTS + "delete", args=[pilot.pk])


def confirm_delete(client, pilot: Pilot):
    """Open the delete page and press its button, as a browser does."""
    page = client.get(delete_url(pilot))
    if page.status_code != 200:
        return page
    return client.post(delete_url(pilot), form_data(page))


def messages_after(client, response) -> str:
    page = client.get(response["Location"])
    return " ".join(BeautifulSoup(page.content, "html.parser").select_one(".messages").text.split())


@pytest.fixture
def draft(barnet_pilot) -> Pilot:
    """A pilot saved as a draft and never published."""
    pilot = Pilot(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Drop-in advice café",
        activity="Not started", live=False,
    )  # fmt: skip
    pilot.save()
    pilot.save_revision()
    return pilot


@pytest.fixture
def corrected(barnet_pilot, barnet_officer) -> KPIReading:
    """One of the published pilot's readings, corrected: its history holds the old value."""
    reading = KPIReading.objects.filter(kpi__pilot=barnet_pilot).first()
    reopened(KPIReading.objects.filter(pk=reading.pk))  # approved readings are locked
    reading_save(kpi=reading.kpi, period_start=reading.period_start,
                 value=reading.value + 1, note="Corrected", user=barnet_officer)  # fmt: skip
    return reading


def kept(pilot: Pilot) -> tuple:
    """The pilot, its KPIs, their readings and the readings' history, counted."""
    readings = KPIReading.objects.filter(kpi__pilot=pilot)
    history = Revision.objects.filter(
        base_content_type__model="kpireading", object_id__in=[str(r.pk) for r in readings]
    )
    return (
        Pilot.objects.filter(pk=pilot.pk).count(),
        KPI.objects.filter(pilot=pilot).count(),
        readings.count(),
        history.count(),
    )


def test_officer_deletes_a_draft_never_published(csrf_client, barnet_officer, draft):
    csrf_client.force_login(barnet_officer)
    response = confirm_delete(csrf_client, draft)
    assert response.status_code == 302 and not refused(response)
    assert not Pilot.objects.filter(pk=draft.pk).exists()


def test_nobody_deletes_a_published_pilot(
    csrf_client, barnet_officer, convenor, barnet_pilot, corrected
):
    before = kept(barnet_pilot)
    assert before[2] > 0 and before[3] > 0  # it has readings with history to lose
    for user in (barnet_officer, convenor):
        csrf_client.force_login(user)
        assert refused(csrf_client.get(delete_url(barnet_pilot)))
        # A POST made without the page (which refuses to open) is refused too.
        token = {"csrfmiddlewaretoken": csrf_token(csrf_client)}
        assert refused(csrf_client.post(delete_url(barnet_pilot), token))
        assert kept(barnet_pilot) == before
    response = csrf_client.get(delete_url(barnet_pilot))
    assert "has been published, so it is kept" in messages_after(csrf_client, response)


def test_unpublished_pilot_stays_undeletable_and_keeps_everything(
    csrf_client, barnet_officer, convenor, barnet_pilot, corrected
):
    before = kept(barnet_pilot)
    csrf_client.force_login(convenor)
    unpublish = reverse(PILOTS + "unpublish", args=[barnet_pilot.pk])
    csrf_client.post(unpublish, form_data(csrf_client.get(unpublish)))
    barnet_pilot.refresh_from_db()
    assert not barnet_pilot.live  # archived: off the public site and out of the reports
    assert kept(barnet_pilot) == before
    csrf_client.force_login(barnet_officer)
    assert refused(confirm_delete(csrf_client, barnet_pilot))
    assert kept(barnet_pilot) == before


def test_a_draft_with_readings_is_kept(csrf_client, barnet_officer, draft):
    kpi = KPI.objects.create(pilot=draft, name="Visits", frequency=KPI.Frequency.MONTHLY)
    KPIReading.objects.create(kpi=kpi, period_start=dt.date(2023, 7, 1), value=Decimal(3))
    csrf_client.force_login(barnet_officer)
    response = confirm_delete(csrf_client, draft)
    assert refused(response)
    assert "has KPI readings, so it is kept" in messages_after(csrf_client, response)
    assert Pilot.objects.filter(pk=draft.pk).exists()


def test_listing_offers_delete_only_for_the_draft(client, barnet_officer, barnet_pilot, draft):
    client.force_login(barnet_officer)
    listing = client.get(reverse(PILOTS + "list")).content.decode()
    assert delete_url(draft) in listing
    assert delete_url(barnet_pilot) not in listing


def test_bulk_delete_keeps_published_pilots(csrf_client, barnet_officer, barnet_pilot, draft):
    csrf_client.force_login(barnet_officer)
    url = reverse("wagtail_bulk_action", args=["pilots", "pilot", "delete"])
    url += f"?id={barnet_pilot.pk}&id={draft.pk}"
    page = csrf_client.get(url)
    assert "You don't have permission to delete this pilot" in page.content.decode()
    csrf_client.post(url, form_data(page))
    assert Pilot.objects.filter(pk=barnet_pilot.pk).exists()
    assert not Pilot.objects.filter(pk=draft.pk).exists()


def test_the_database_refuses_to_cascade_readings_away(barnet_pilot, corrected):
    before = kept(barnet_pilot)
    with pytest.raises(ProtectedError):
        barnet_pilot.delete()
    assert kept(barnet_pilot) == before
