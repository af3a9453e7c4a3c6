"""Importing a spreadsheet return: all or nothing.

Every row is checked before anything is written. Any problem (a row changing an approved,
locked reading among them) refuses the whole file and each problem is listed by sheet, row
and column; otherwise the readings are written in one transaction, submitted for a
convenor's review, so a worker killed part way leaves nothing behind and the retried task
completes the import exactly once. Values equal to what is recorded are left alone, so
importing the same file twice changes nothing the second time.
"""

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable

from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import DatabaseError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from cms.jobs import heartbeat, job_claim, jobs_given_up, jobs_to_send
from cms.uploads import UploadRefused, upload_check
from designlab.models import Borough
from pilots.models import KPIReading, ReturnUpload
from pilots.readings.write import ReadingLocked, Readings, readings_write
from pilots.returns.layout import KINDS, MAX_BYTES, MAX_PROBLEMS
from pilots.returns.reader import FileRefused, checking_stopped, problem, return_sheet_read
from pilots.returns.rows import return_rows_check

logger = logging.getLogger(__name__)

PROGRESS_SECONDS = 1.0
UNREADABLE = (
    "This file could not be read. Save it again from the return template as .xlsx or "
    "CSV UTF-8 and upload it again."
)


def return_upload_create(
    *, borough: Borough, file: File, user: AbstractBaseUser | None = None
) -> ReturnUpload:
    """Check `file` (size, type, contents, zip bomb) and store it under a generated name.
    Raises UploadRefused with a plain message; nothing is stored then."""
    kind = upload_check(file, kinds=KINDS, max_bytes=MAX_BYTES)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    file.seek(0)
    upload = ReturnUpload(
        borough=borough,
        uploaded_by=user,
        original_name=file.name[-255:],
        sha256=digest.hexdigest(),
    )
    upload.file.save(f"return.{kind}", File(file), save=False)
    upload.save()
    return upload


def import_kpi_return(
    upload_id: int, *, checkpoint: Callable[[str], None] | None = None
) -> ReturnUpload:
    """Import the return `upload_id`; safe to run any number of times, at once too.

    The file is read outside any lock while a heartbeat says the worker is alive; the
    readings are then written under a lock on the upload, and only if no other delivery
    finished it meanwhile. `checkpoint` is for tests only (see `readings_write`).
    """
    job = ReturnUpload.objects.filter(pk=upload_id)
    if not job_claim(job):  # finished, or running on a live worker
        return ReturnUpload.objects.get(pk=upload_id)
    with heartbeat(job):
        upload = job.select_related("borough").get()
        try:
            readings, problems = _return_read(upload), []
        except FileRefused as refusal:
            readings, problems = None, refusal.problems
        with transaction.atomic():
            # A write first: on SQLite it takes the database's write lock at once, so the
            # heartbeat's thread waits for this transaction instead of deadlocking with it.
            job.update(heartbeat_at=timezone.now())
            upload = job.select_for_update().select_related("borough").get()
            if upload.status in (ReturnUpload.Status.DONE, ReturnUpload.Status.REFUSED):
                return upload
            if readings is None:
                _refused(upload, problems)
            else:
                try:
                    with transaction.atomic():  # a reading approved since the check
                        _imported(upload, readings, checkpoint)
                except ReadingLocked as locked:
                    _refused(upload, [problem(message) for message in locked.messages])
    return upload


def import_timed_out(upload_id: int, *, minutes: int) -> None:
    """Refuse an import that ran past its time limit: sent again, it would only run out
    of time again."""
    with transaction.atomic():
        upload = (
            ReturnUpload.objects.select_for_update().select_related("borough").get(pk=upload_id)
        )
        if upload.status == ReturnUpload.Status.RUNNING:
            message = (
                f"This file took longer than {minutes} minutes to import, the most one return "
                "may take. Split it into smaller returns and upload them one at a time."
            )
            _refused(upload, [problem(message)])


def _return_read(upload: ReturnUpload) -> Readings:
    """The readings of the uploaded file. Raises FileRefused, whatever is wrong with it."""
    try:
        with upload.file.open("rb") as file:
            kind = upload_check(file, kinds=KINDS, max_bytes=MAX_BYTES)
            sheet = return_sheet_read(file, kind)
            progress = _progress_writer(upload.pk, sheet.total)
            readings = return_rows_check(sheet, upload.borough, progress=progress)
            progress(sheet.total or 0, final=True)
            return readings
    except FileRefused:
        raise
    except UploadRefused as refusal:
        raise FileRefused([problem(refusal.messages[0])]) from None
    except FileNotFoundError:
        raise FileRefused([problem("The uploaded file is missing; upload it again.")]) from None
    except (DatabaseError, SoftTimeLimitExceeded):
        raise  # the task is retried, or refused for its time; the file may be fine
    except Exception:
        # A file nobody foresaw must not leave the upload "running" and requeued for
        # ever: refuse it, and keep the details for the developers.
        logger.exception("return upload %s could not be read", upload.pk)
        raise FileRefused([problem(UNREADABLE)]) from None


def _progress_writer(upload_id: int, total: int | None) -> Callable[..., None]:
    """A function that records the rows checked so far, committed at once so the status
    page sees it, and at most once a second so that a large return costs no more queries
    than a small one."""
    ReturnUpload.objects.filter(pk=upload_id).update(rows_done=0, rows_total=total)
    last = time.monotonic()

    def write(done: int, *, final: bool = False) -> None:
        nonlocal last
        if final or time.monotonic() - last >= PROGRESS_SECONDS:
            ReturnUpload.objects.filter(pk=upload_id).update(rows_done=done)
            last = time.monotonic()

    return write


def _refused(upload: ReturnUpload, problems: list[dict]) -> None:
    upload.status = ReturnUpload.Status.REFUSED
    # The check stops itself near the limit; a row with several problems may pass it.
    if len(problems) > MAX_PROBLEMS + 1:
        problems = [*problems[:MAX_PROBLEMS], checking_stopped()]
    upload.problems = problems
    _finished(upload, "pilots.return_refused", {"problems": len(problems)})


def _imported(
    upload: ReturnUpload, readings: Readings, checkpoint: Callable[[str], None] | None
) -> None:
    started = timezone.now()
    created, updated, unchanged = readings_write(
        readings, user=upload.uploaded_by, upload=upload, checkpoint=checkpoint
    )
    upload.status = ReturnUpload.Status.DONE
    upload.created, upload.updated, upload.unchanged = created, updated, unchanged
    upload.readings_changed = _readings_changed({kpi for kpi, _ in readings}, since=started)
    data = {"created": created, "updated": updated, "unchanged": unchanged}
    _finished(upload, "pilots.return_imported", data)


def _readings_changed(kpis: set[int], *, since: dt.datetime) -> list[dict]:
    """Per KPI of the return, how many readings were just created or corrected: written
    since `since` in this transaction; a corrected reading has a revision, a new one not."""
    changed = (
        KPIReading.objects.filter(kpi_id__in=kpis, updated_at__gte=since)
        .values("kpi_id")
        .annotate(
            created=Count("pk", filter=Q(latest_revision__isnull=True)),
            updated=Count("pk", filter=Q(latest_revision__isnull=False)),
        )
        .order_by("kpi_id")
    )
    return [{"kpi": c["kpi_id"], "created": c["created"], "updated": c["updated"]} for c in changed]


def _finished(upload: ReturnUpload, action: str, data: dict) -> None:
    upload.finished_at = timezone.now()
    upload.save()
    data.update(file=upload.original_name, borough=upload.borough.name)
    log(upload, action, user=upload.uploaded_by, data=data)


def uploads_to_send() -> QuerySet:
    """Uploads to send (again): the broker was down when they were uploaded, lost them,
    or their worker went silent (see `cms.jobs.jobs_to_send`). `pilots.tasks.returns_requeue`
    sends them."""
    return jobs_to_send(ReturnUpload.objects.all(), created="uploaded_at")


def uploads_give_up() -> int:
    """Refuse the uploads whose worker stopped on every attempt (a file that kills its
    worker, by memory or time, would otherwise be sent for ever). Returns how many."""
    given_up = 0
    for upload in jobs_given_up(ReturnUpload.objects.select_related("borough")):
        message = (
            f"The import stopped {upload.attempts} times before it finished (the file may be "
            "too large to import at once). Split it into smaller returns and upload them again."
        )
        _refused(upload, [problem(message)])
        given_up += 1
    return given_up
