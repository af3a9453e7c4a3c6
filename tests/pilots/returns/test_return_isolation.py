"""An officer works on their own borough's returns only; a convenor on any borough's.

Barnet's officer must get 404 for Brent's template, upload page and upload status, and
cannot put readings into Brent's KPIs through a Barnet return."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pilots.models import KPIReading, ReturnUpload
from tests.pilots.returns.returns_helpers import book_bytes, import_bytes, template_book


def test_officer_cannot_download_another_boroughs_template(client, barnet_officer):
    client.force_login(barnet_officer)
    assert client.get(reverse("pilots_return_template", args=["brent"])).status_code == 404
    own = client.get(reverse("pilots_return_template", args=["barnet"]))
    assert own.status_code == 200 and own["Content-Disposition"].startswith(
        'attachment; filename="kpi-return-barnet-'
    )


def test_officer_cannot_upload_into_another_borough(client, barnet_officer, brent_pilot):
    client.force_login(barnet_officer)
    content = book_bytes(template_book(brent_pilot.borough))
    page = reverse("pilots_returns_borough", args=["brent"])
    assert client.get(page).status_code == 404
    response = client.post(page, {"file": SimpleUploadedFile("brent.xlsx", content)})
    assert response.status_code == 404
    assert not ReturnUpload.objects.exists()


def test_officer_cannot_see_another_boroughs_upload(
    client, barnet_officer, brent_officer, brent_pilot
):
    done = import_bytes(
        brent_pilot.borough, book_bytes(template_book(brent_pilot.borough)), user=brent_officer
    )
    client.force_login(barnet_officer)
    assert client.get(reverse("pilots_return_status", args=[done.pk])).status_code == 404
    client.force_login(brent_officer)
    assert client.get(reverse("pilots_return_status", args=[done.pk])).status_code == 200


def test_brent_kpis_in_a_barnet_return_change_nothing(barnet_pilot, brent_pilot):
    brent_kpi = brent_pilot.kpis.first()
    book = template_book(brent_pilot.borough)  # Brent's rows, uploaded as Barnet's return
    book["Return"]["H2"] = 99
    before = list(KPIReading.objects.values_list("pk", "value"))
    refused = import_bytes(barnet_pilot.borough, book_bytes(book))
    assert refused.status == "refused"
    assert "is not one of Barnet's KPIs" in refused.problems[0]["message"]
    assert list(KPIReading.objects.values_list("pk", "value")) == before
    assert brent_kpi.readings.filter(period_start=dt.date(2023, 7, 1)).get().value != 99


def test_convenor_chooses_a_borough_and_works_on_it(client, convenor):
    client.force_login(convenor)
    index = client.get(reverse("pilots_returns")).content.decode()
    assert reverse("pilots_returns_borough", args=["brent"]) in index
    assert client.get(reverse("pilots_return_template", args=["brent"])).status_code == 200


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("pilots_return_template", args=["barnet"]))
    assert response.status_code == 302 and "/login/" in response.url
