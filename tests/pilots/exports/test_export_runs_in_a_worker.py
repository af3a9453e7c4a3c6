"""On runs with PostgreSQL and a broker, a real Celery worker writes the workbook."""

import time

from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from cms.queue import send
from designlab.models import Export
from pilots import tasks
from pilots.seed.demo_accounts import demo_accounts_ensure
from pilots.seed.lab_2023 import load_asylum_welcome_2023


def test_a_worker_writes_the_export(celery_worker_process):
    lab = load_asylum_welcome_2023()
    demo_accounts_ensure()
    export = Export.objects.create(
        lab=lab, requested_by=get_user_model().objects.get(username="convenor")
    )

    assert send(tasks.lab_export_run, export.pk)
    deadline = time.monotonic() + 60
    while export.status in (Export.Status.QUEUED, Export.Status.RUNNING):
        assert time.monotonic() < deadline, "the worker did not finish the export"
        time.sleep(0.5)
        export.refresh_from_db()

    try:
        assert export.status == Export.Status.READY, export.error
        with export.file.open("rb") as f:
            assert load_workbook(f).sheetnames[0] == "Pilots"
    finally:
        export.file.delete(save=False)
