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
from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import DatabaseError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from cms.uploads import UploadRefused, upload_check
from designlab.models import Borough
from pilots.models import KPIReading, ReturnUpload
from pilots.readings.write import ReadingLocked, Readings, readings_write
from pilots.returns.layout import KINDS, MAX_BYTES
from pilots.returns.reader import FileRefused, problem, return_sheet_read
from pilots.returns.rows import return_rows_check

logger = logging.getLogger(__name__)

MAX_PROBLEMS = 200
STALE = dt.timedelta(minutes=10)  # longer than any real import takes
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
    """Import the return `upload_id`; safe to run any number of times.

    `checkpoint` is for tests only (see `readings_write`).
    """
    import_started(upload_id)
    with transaction.atomic():
        upload = (
            ReturnUpload.objects.select_for_update().select_related("borough").get(pk=upload_id)
        )
        if upload.status in (ReturnUpload.Status.DONE, ReturnUpload.Status.REFUSED):
            return upload
        try:
            readings = _return_read(upload)
            with transaction.atomic():  # a reading approved since the check: nothing written
                _imported(upload, readings, checkpoint)
        except FileRefused as refusal:
            _refused(upload, refusal.problems)
        except ReadingLocked as locked:
            _refused(upload, [problem(message) for message in locked.messages])
    return upload


def _return_read(upload: ReturnUpload) -> Readings:
    """The readings of the uploaded file. Raises FileRefused, whatever is wrong with it."""
    try:
        with upload.file.open("rb") as file:
            kind = upload_check(file, kinds=KINDS, max_bytes=MAX_BYTES)
            return return_rows_check(return_sheet_read(file, kind), upload.borough)
    except FileRefused:
        raise
    except UploadRefused as refusal:
        raise FileRefused([problem(refusal.messages[0])]) from None
    except FileNotFoundError:
        raise FileRefused([problem("The uploaded file is missing; upload it again.")]) from None
    except DatabaseError:
        raise  # the task is retried; the file may be fine
    except Exception:
        # A file nobody foresaw must not leave the upload "running" and requeued for
        # ever: refuse it, and keep the details for the developers.
        logger.exception("return upload %s could not be read", upload.pk)
        raise FileRefused([problem(UNREADABLE)]) from None


def _refused(upload: ReturnUpload, problems: list[dict]) -> None:
    upload.status = ReturnUpload.Status.REFUSED
    upload.problems = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        upload.problems.append(problem(f"… and {len(problems) - MAX_PROBLEMS} more problems."))
    _finished(upload, "pilots.return_refused", {"problems": len(problems)})


def _imported(
    upload: ReturnUpload, readings: Readings, checkpoint: Callable[[str], None] | None
) -> None:
    started = timezone.now()
    created, updated, unchanged = readings_write(
        readings, user=upload.uploaded_by, checkpoint=checkpoint
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


def import_started(upload_id: int) -> None:
    """Show the upload as running. Committed on its own: the import's transaction is
    invisible until it ends, and a worker that dies leaves "running" for the requeue."""
    ReturnUpload.objects.filter(pk=upload_id, status=ReturnUpload.Status.QUEUED).update(
        status=ReturnUpload.Status.RUNNING
    )


def uploads_waiting(*, older_than: dt.timedelta = STALE) -> QuerySet:
    """Uploads still waiting after `older_than`: the broker was down when they were
    uploaded, or their worker died. `pilots.tasks.returns_requeue` sends them again."""
    cutoff = timezone.now() - older_than
    return ReturnUpload.objects.filter(
        Q(sent_at__isnull=True) | Q(sent_at__lt=cutoff),
        status__in=[ReturnUpload.Status.QUEUED, ReturnUpload.Status.RUNNING],
        uploaded_at__lt=cutoff,
    )
