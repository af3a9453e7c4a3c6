"""A "ready" export whose file is gone (exports are not in the backup, so after a restore)
says it has expired and offers to prepare it again, instead of an error page."""

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from designlab.models import Export


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_a_missing_file_is_said_to_have_expired_and_can_be_prepared_again(lab, barnet_officer):
    export = Export.objects.create(lab=lab, requested_by=barnet_officer, status="ready")
    export.file.save("gone.xlsx", ContentFile(b"x"))
    export.file.storage.delete(export.file.name)  # as after a restore
    client = csrf_client(barnet_officer)

    page = client.get(reverse("lab_export_download", args=[export.pk]))
    assert page.status_code == 410
    html = page.content.decode()
    assert "is no longer kept" in html and "Prepare the workbook again" in html

    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or client.cookies["csrftoken"].value
    again = client.post(reverse("lab_exports"), {"lab": lab.pk, "csrfmiddlewaretoken": token})
    assert again.status_code == 302
    fresh = Export.objects.filter(requested_by=barnet_officer).exclude(pk=export.pk).get()
    assert (fresh.lab, fresh.borough.slug, fresh.status) == (lab, "barnet", "queued")
