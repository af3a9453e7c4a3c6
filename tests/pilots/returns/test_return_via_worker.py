"""With a broker configured, a real Celery worker process imports an uploaded return;
an upload left waiting (broker was down, worker died) is sent again by the beat task."""

import datetime as dt
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from cms.queue import enqueue_on_commit
from pilots.models import KPI, KPIReading, ReturnUpload
from pilots.returns.imports import return_upload_create
from pilots.tasks import import_kpi_return, returns_requeue
from tests.pilots.readings.review_helpers import reopened
from tests.pilots.returns.returns_helpers import filled


def kpi_with_a_due_period():
    from designlab.models import Lab
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    # A transactional test starts from an empty database, unless it is the first one.
    if not Lab.objects.filter(slug="asylum-welcome-2023").exists():
        load_asylum_welcome_2023()
        demo_accounts_ensure()
    return KPI.objects.filter(pilot__borough__slug="barnet", frequency="quarterly").first()


def test_real_worker_imports_an_upload(celery_worker_process):
    kpi = kpi_with_a_due_period()
    borough = kpi.pilot.borough
    reopened(kpi.readings.filter(period_start=dt.date(2023, 10, 1)))
    content = filled(borough, {(kpi.pk, dt.date(2023, 10, 1)): 77}, confirm="A test figure.")
    with transaction.atomic():
        upload = return_upload_create(borough=borough, file=SimpleUploadedFile("r.xlsx", content))
        enqueue_on_commit(import_kpi_return, upload.pk)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        upload.refresh_from_db()
        if upload.status == ReturnUpload.Status.DONE:
            break
        time.sleep(0.2)
    assert (upload.status, upload.updated) == ("done", 1)
    assert KPIReading.objects.get(kpi=kpi, period_start=dt.date(2023, 10, 1)).value == 77
    assert celery_worker_process.poll() is None


def test_waiting_upload_is_sent_again(barnet_pilot, tasks_in_process):
    kpi = barnet_pilot.kpis.get()
    reopened(kpi.readings.filter(period_start=dt.date(2023, 10, 1)))
    content = filled(barnet_pilot.borough, {(kpi.pk, dt.date(2023, 10, 1)): 21})
    upload = return_upload_create(borough=barnet_pilot.borough,
                                  file=SimpleUploadedFile("r.xlsx", content))  # fmt: skip
    assert returns_requeue() == 0  # just uploaded: give the first send its chance
    ReturnUpload.objects.filter(pk=upload.pk).update(
        uploaded_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert returns_requeue() == 1  # sent again, and run in this process
    upload.refresh_from_db()
    assert upload.status == ReturnUpload.Status.DONE and upload.sent_at is not None
    assert returns_requeue() == 0
