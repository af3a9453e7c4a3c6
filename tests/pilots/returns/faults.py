"""Helpers of the fault tests: a return waiting to be imported by a real worker, and the
beat's requeue task standing in for celery beat (run here every REQUEUE_EVERY)."""

import datetime as dt
import re
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cms.jobs import REQUEUE_EVERY
from pilots import tasks
from pilots.models import KPI, ReturnUpload
from pilots.returns.imports import return_upload_create
from tests.pilots.returns.returns_helpers import filled

OCT = dt.date(2023, 10, 1)
RECOVERY = 120  # seconds: the aim, printed beside each measured recovery
# What a test asserts: well inside the broker's 15-minute visibility timeout, so a pass
# means the heartbeat's requeue recovered the import, not a late redelivery. The aim itself
# is a figure, not a timed test: CI runs two suites at once on two cores, and a worker
# then takes 30 s or more only to start.
BOUND = 300


def quarterly_kpi() -> KPI:
    from designlab.models import Lab
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    # A transactional test starts from an empty database, unless it is the first one.
    if not Lab.objects.filter(slug="asylum-welcome-2023").exists():
        load_asylum_welcome_2023()
        demo_accounts_ensure()
    return KPI.objects.filter(pilot__borough__slug="barnet", frequency="quarterly").first()


def return_sent(kpi: KPI, value: int) -> ReturnUpload:
    """A return giving `kpi` `value` for October 2023 (an unusual figure, confirmed),
    uploaded and sent as the page does. The seeded reading is approved: reopen it first."""
    content = filled(kpi.pilot.borough, {(kpi.pk, OCT): value}, confirm="A test figure.")
    with transaction.atomic():
        upload = return_upload_create(
            borough=kpi.pilot.borough, file=SimpleUploadedFile("r.xlsx", content)
        )
        tasks.return_import_queue(upload.pk)
    return upload


def until_imported(upload: ReturnUpload, *, seen: list[str] | None = None) -> float:
    """Wait for `upload` to be imported, running the requeue task as beat would; the
    seconds it took. Each different status sentence on the way is added to `seen`."""
    started = time.monotonic()
    next_requeue = started
    while True:
        upload.refresh_from_db()
        if upload.status not in (ReturnUpload.Status.QUEUED, ReturnUpload.Status.RUNNING):
            return time.monotonic() - started
        sentence = re.sub(r"\d+ s ago", "N s ago", upload.progress())
        if seen is not None and sentence not in seen:
            seen.append(sentence)
        assert time.monotonic() - started < BOUND, upload.progress()
        if time.monotonic() >= next_requeue:
            tasks.returns_requeue()
            next_requeue += REQUEUE_EVERY.total_seconds()
        time.sleep(0.5)
