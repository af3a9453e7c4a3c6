"""An officer's export holds only their own borough's rows; exports are written by a
Celery task and downloaded only by whoever asked for them (or a convenor)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from designlab.models import Export
from tests.refusals import refused


@pytest.fixture(autouse=True)
def _in_process(tasks_in_process):
    pass


def _request_export(client, user, lab, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lab_exports"), {"lab": lab.pk})
    assert response.status_code == 302
    return Export.objects.filter(requested_by=user).latest("created_at")


def _sheets(client, export):
    response = client.get(reverse("lab_export_download", args=[export.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return {s.title: list(s.iter_rows(values_only=True)) for s in workbook}


def _column(rows, heading):
    index = rows[0].index(heading)
    return {row[index] for row in rows[1:]}


def test_an_officers_workbook_holds_only_their_borough(
    client, barnet_officer, lab, django_capture_on_commit_callbacks
):
    export = _request_export(client, barnet_officer, lab, django_capture_on_commit_callbacks)
    export.refresh_from_db()

    assert export.status == Export.Status.READY and export.borough.name == "Barnet"
    sheets = _sheets(client, export)
    for name in ("Pilots", "KPIs", "Readings", "Sessions"):
        assert _column(sheets[name], "Borough") == {"Barnet"}, name
    assert _column(sheets["Resources"], "Borough") <= {"Barnet"}
    cells = _column(sheets["Outcomes"], "Boroughs")
    named = {name for cell in cells if cell for name in cell.split("; ")}
    assert named <= {"Barnet"}


def test_a_convenors_workbook_holds_every_borough(
    client, convenor, lab, django_capture_on_commit_callbacks
):
    export = _request_export(client, convenor, lab, django_capture_on_commit_callbacks)

    sheets = _sheets(client, export)

    assert len(_column(sheets["Pilots"], "Borough")) == 11


def test_another_officer_cannot_download_it(
    client, barnet_officer, brent_officer, lab, django_capture_on_commit_callbacks
):
    export = _request_export(client, barnet_officer, lab, django_capture_on_commit_callbacks)
    client.force_login(brent_officer)

    response = client.get(reverse("lab_export_download", args=[export.pk]))

    assert response.status_code == 404


def test_an_officers_csv_holds_only_their_borough(client, barnet_officer, lab):
    client.force_login(barnet_officer)

    response = client.get(reverse("lab_export_csv", args=[lab.slug, "readings"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response.status_code == 200
    assert len(rows) > 1
    assert {row[3] for row in rows[1:]} == {"Barnet"}


def test_anyone_without_a_borough_or_the_convenor_role_is_refused(client, lab, db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    stranger = get_user_model().objects.create_user("stranger", password="x" * 14)
    stranger.groups.add(Group.objects.get(name="Borough officers"))  # but no Officer record
    client.force_login(stranger)

    assert refused(client.get(reverse("lab_exports")))
    assert refused(client.get(reverse("lab_export_csv", args=[lab.slug, "pilots"])))


def test_anonymous_visitors_are_sent_to_log_in(client, lab):
    response = client.get(reverse("lab_export_csv", args=[lab.slug, "pilots"]))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_unknown_table_is_not_found(client, convenor, lab):
    client.force_login(convenor)

    assert client.get(reverse("lab_export_csv", args=[lab.slug, "nope"])).status_code == 404


def test_the_exports_page_tells_an_officer_what_they_get(client, barnet_officer, lab):
    client.force_login(barnet_officer)

    response = client.get(reverse("lab_exports"))

    assert response.status_code == 200
    assert "Your exports hold Barnet's rows only." in response.text
    assert reverse("lab_export_csv", args=[lab.slug, "readings"]) in response.text


def test_each_export_request_is_in_the_audit_log(
    client, barnet_officer, lab, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    export = _request_export(client, barnet_officer, lab, django_capture_on_commit_callbacks)

    entry = ModelLogEntry.objects.get(action="pilots.lab_export_requested")
    assert (entry.user, entry.object_id) == (barnet_officer, str(export.pk))
