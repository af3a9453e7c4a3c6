"""Which uploads the requeue task sends again, and when: not one just sent, nor one whose
worker is alive (a duplicate delivery then does nothing); one never sent, or whose worker
went silent, at once; one whose worker stopped on every attempt is refused, not looped."""

import datetime as dt

from django.utils import timezone

from cms.jobs import STALE
from pilots.models import ReturnUpload
from pilots.returns.imports import (
    import_kpi_return,
    return_upload_create,
    uploads_give_up,
    uploads_to_send,
)
from tests.pilots.returns.returns_helpers import database_state, filled, upload

JUL = dt.date(2023, 7, 1)


def stored(barnet_pilot, barnet_monthly_kpi) -> ReturnUpload:
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 5})
    return return_upload_create(borough=barnet_pilot.borough, file=upload(content, "r.xlsx"))


def ago(seconds: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=seconds)


def test_who_is_sent_again(barnet_pilot, barnet_monthly_kpi):
    job = stored(barnet_pilot, barnet_monthly_kpi)
    rows = ReturnUpload.objects.filter(pk=job.pk)
    assert not uploads_to_send().exists()  # the send after commit has its chance
    rows.update(uploaded_at=ago(30))
    assert uploads_to_send().exists()  # never sent: the broker was down
    rows.update(sent_at=ago(5))
    assert not uploads_to_send().exists()  # waiting for a worker
    rows.update(status="running", sent_at=ago(70), heartbeat_at=ago(5), attempts=1)
    assert not uploads_to_send().exists()  # its worker is alive
    rows.update(heartbeat_at=ago(STALE.total_seconds() + 1))
    assert uploads_to_send().exists()  # its worker went silent
    rows.update(sent_at=timezone.now())
    assert not uploads_to_send().exists()  # sent again already


def test_a_duplicate_delivery_while_running_does_nothing(barnet_pilot, barnet_monthly_kpi):
    job = stored(barnet_pilot, barnet_monthly_kpi)
    ReturnUpload.objects.filter(pk=job.pk).update(
        status="running", heartbeat_at=timezone.now(), attempts=1
    )
    before = database_state()
    assert import_kpi_return(job.pk).status == "running"
    assert database_state() == before
    ReturnUpload.objects.filter(pk=job.pk).update(heartbeat_at=ago(STALE.total_seconds() + 1))
    taken_over = import_kpi_return(job.pk)
    assert (taken_over.status, taken_over.created, taken_over.attempts) == ("done", 1, 2)


def test_an_upload_that_stops_its_worker_every_time_is_refused(barnet_pilot, barnet_monthly_kpi):
    job = stored(barnet_pilot, barnet_monthly_kpi)
    rows = ReturnUpload.objects.filter(pk=job.pk)
    rows.update(status="running", heartbeat_at=ago(STALE.total_seconds() + 1), attempts=2)
    assert (
        job.__class__.objects.get(pk=job.pk)
        .progress()
        .startswith("The worker stopped; retrying (attempt 3 of 3)")
    )
    assert uploads_give_up() == 0
    rows.update(attempts=3)
    assert uploads_give_up() == 1
    job.refresh_from_db()
    assert job.status == "refused"
    assert "stopped 3 times" in job.problems[0]["message"]
    assert not uploads_to_send().exists()


def test_the_page_says_how_long_ago_the_worker_was_heard_from(barnet_pilot, barnet_monthly_kpi):
    job = stored(barnet_pilot, barnet_monthly_kpi)
    ReturnUpload.objects.filter(pk=job.pk).update(status="running", heartbeat_at=ago(12))
    job.refresh_from_db()
    assert job.progress() == "Running (last heard from 12 s ago)."
