"""A running import shows its progress on the status page: a native progress bar with the
share done and the rows checked so far in words, written by the task as it goes; the
page refreshes itself without JavaScript."""

import datetime as dt

from django.test import Client
from django.urls import reverse

from pilots.models import ReturnUpload
from pilots.returns.imports import import_kpi_return, return_upload_create
from tests.pilots.returns.returns_helpers import filled, template_book, upload

JUL = dt.date(2023, 7, 1)


def status_page(officer, upload_id: int) -> str:
    client = Client()
    client.force_login(officer)
    return client.get(reverse("pilots_return_status", args=[upload_id])).content.decode()


def test_a_running_import_shows_rows_checked_so_far(barnet_officer, barnet_pilot):
    running = ReturnUpload.objects.create(
        borough=barnet_pilot.borough, original_name="big.xlsx", sha256="0" * 64,
        status=ReturnUpload.Status.RUNNING, rows_done=40_000, rows_total=100_000,
    )  # fmt: skip
    page = status_page(barnet_officer, running.pk)
    assert '<progress max="100000" value="40000" aria-label="Share done">40 %</progress>' in page
    assert "40,000 of 100,000 rows checked (40 %)" in page
    assert '<meta http-equiv="refresh" content="5">' in page


def test_the_task_records_progress_as_it_imports(barnet_officer, barnet_pilot, barnet_monthly_kpi):
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 33})
    stored = return_upload_create(borough=barnet_pilot.borough, file=upload(content, "r.xlsx"))
    seen = []

    def while_writing(stage: str) -> None:
        """What the status page says while the readings are being recorded."""
        if stage == "updated":
            seen.append(status_page(barnet_officer, stored.pk))

    done = import_kpi_return(stored.pk, checkpoint=while_writing)
    assert done.status == "done"
    rows = template_book(barnet_pilot.borough)["Return"].max_row - 1
    assert (done.rows_done, done.rows_total) == (rows, rows)
    [page] = seen
    assert f"{rows} of {rows} rows checked" in page
    assert "Every row is checked; the readings are being recorded." in page
    assert "<progress" not in status_page(barnet_officer, stored.pk)  # finished: no bar
