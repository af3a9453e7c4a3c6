"""A pilot's KPI adopts one of its Lab's shared indicators in the pilot editor, and then
follows its unit, frequency and kind: the form offers only the Lab's indicators, refuses a
KPI measured otherwise with a message that says what to change, and a convenor cannot
change how an adopted indicator is measured."""

import datetime as dt

from bs4 import BeautifulSoup
from django.urls import reverse

from designlab.models import Lab
from pilots.models import KPI
from tests.pilots.access.access_matrix_world import form_data
from tests.pilots.indicators.world import indicator_make, lab_elsewhere


def _editor(client, user, pilot):
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])
    client.force_login(user)
    return url, client.get(url)


def test_the_kpi_row_offers_only_the_pilots_labs_indicators(
    csrf_client, convenor, lab, barnet_pilot
):
    ours = indicator_make([lab], "ours")
    other_lab = Lab.objects.create(
        name="Another Lab", slug="another", convenor="GLA",
        starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 9, 30),
    )  # fmt: skip
    theirs = indicator_make([other_lab], "theirs")
    url, page = _editor(csrf_client, convenor, barnet_pilot)
    soup = BeautifulSoup(page.content, "html.parser")
    offered = {o["value"] for o in soup.select("select[name='kpis-0-shared_indicator'] option")}
    assert offered == {"", str(ours.pk)}

    data = form_data(page) | {
        "kpis-0-shared_indicator": str(theirs.pk),
        "action-publish": "publish",
    }
    refused = csrf_client.post(url, data)

    assert refused.status_code == 200
    assert "Choose shared indicator from the list" in refused.content.decode()
    assert KPI.objects.get(pilot=barnet_pilot).shared_indicator is None


def test_a_kpi_measured_otherwise_is_refused_saying_what_to_change(
    csrf_client, convenor, lab, barnet_pilot
):
    share = indicator_make([lab], "share-in-work", unit="percent", frequency="monthly")
    url, page = _editor(csrf_client, convenor, barnet_pilot)
    data = form_data(page) | {"kpis-0-shared_indicator": str(share.pk), "action-publish": "publish"}

    refused = csrf_client.post(url, data)

    text = refused.content.decode()
    assert refused.status_code == 200
    assert (
        "is measured with unit “Percentage (0–100)”: choose “Percentage (0–100)” here too" in text
    )
    assert "is measured with frequency “Monthly”" in text
    assert "tick “Entered as numerator and denominator”" in text
    assert KPI.objects.get(pilot=barnet_pilot).shared_indicator is None


def test_a_kpi_measured_alike_adopts_it(csrf_client, convenor, barnet_officer, lab, barnet_pilot):
    counted = indicator_make([lab], "placements")  # a quarterly count, like Barnet's KPI
    url, page = _editor(csrf_client, convenor, barnet_pilot)
    data = form_data(page) | {
        "kpis-0-shared_indicator": str(counted.pk),
        "action-publish": "publish",
    }

    assert csrf_client.post(url, data).status_code == 302
    kpi = KPI.objects.get(pilot=barnet_pilot)
    assert kpi.shared_indicator == counted
    # The officer's editor shows it chosen.
    _, page = _editor(csrf_client, barnet_officer, barnet_pilot)
    chosen = BeautifulSoup(page.content, "html.parser").select_one(
        "select[name='kpis-0-shared_indicator'] option[selected]"
    )
    assert chosen["value"] == str(counted.pk)


def test_an_adopted_indicators_unit_cannot_change(csrf_client, convenor, lab, barnet_pilot):
    counted = indicator_make([lab], "placements")
    kpi = barnet_pilot.kpis.get()
    kpi.shared_indicator = counted
    kpi.save()
    url = reverse("wagtailsnippets_designlab_sharedindicator:edit", args=[counted.pk])
    csrf_client.force_login(convenor)
    data = form_data(csrf_client.get(url)) | {"unit": "percent", "name": "Renamed"}

    refused = csrf_client.post(url, data)

    assert refused.status_code == 200
    assert "1 KPI adopts this indicator: its unit cannot change" in refused.content.decode()
    counted.refresh_from_db()
    assert (counted.unit, counted.name) == ("count", "placements".capitalize())
    renamed = csrf_client.post(url, data | {"unit": "count"})
    assert renamed.status_code == 302
    counted.refresh_from_db()
    assert counted.name == "Renamed"


def test_officers_read_indicators_but_do_not_define_them(csrf_client, barnet_officer, lab):
    counted = indicator_make([lab], "placements")
    csrf_client.force_login(barnet_officer)
    listing = csrf_client.get(reverse("wagtailsnippets_designlab_sharedindicator:list"))
    assert listing.status_code == 200 and "Placements" in listing.content.decode()
    edit = reverse("wagtailsnippets_designlab_sharedindicator:edit", args=[counted.pk])
    response = csrf_client.get(edit)
    assert response.status_code == 302 and "/admin/" in response["Location"]


def test_a_lab_whose_kpis_adopt_an_indicator_cannot_be_taken_off_it(
    csrf_client, convenor, lab, barnet_pilot
):
    other = lab_elsewhere()
    counted = indicator_make([lab, other], "placements")
    kpi = barnet_pilot.kpis.get()
    kpi.shared_indicator = counted
    kpi.save()
    url = reverse("wagtailsnippets_designlab_sharedindicator:edit", args=[counted.pk])
    csrf_client.force_login(convenor)
    data = form_data(csrf_client.get(url))

    refused = csrf_client.post(url, data | {"labs": [str(other.pk)]})

    assert refused.status_code == 200
    assert f"KPIs of pilots in {lab.name} adopt this indicator" in refused.content.decode()
    assert set(counted.labs.all()) == {lab, other}
    kept = csrf_client.post(url, data | {"labs": [str(lab.pk)]})  # the other Lab has none
    assert kept.status_code == 302
    assert list(counted.labs.all()) == [lab]
