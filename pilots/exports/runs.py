"""Exports asked for in the admin: written by a Celery task, kept a week, downloaded only by
the person who asked (or a convenor)."""

import datetime as dt
import logging
import tempfile
import time
import uuid
from collections.abc import Callable

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from cms.jobs import heartbeat, job_claim, jobs_given_up, jobs_to_send
from designlab.models import Borough, Export
from pilots.access.scoping import AnyUser, is_convenor, user_borough
from pilots.exports.tables import lab_tables_size
from pilots.exports.workbook import lab_workbook_write

log = logging.getLogger(__name__)

KEEP_DAYS = 7
PROGRESS_SECONDS = 1.0
TOO_LONG = (
    "It took longer than the time an export may take. Ask for one borough at a time, or try "
    "again later."
)
STOPPED = "The worker stopped each time it wrote this export. Ask for one borough at a time."


def export_scope(user: AnyUser) -> Borough | None:
    """The borough whose rows `user` may export; None for every borough (convenors)."""
    if is_convenor(user):
        return None
    borough = user_borough(user)
    if borough is None:
        raise PermissionDenied
    return borough


def lab_export_run(export_id: int) -> Export:
    """Write the workbook of an export request to storage. Idempotent: a finished export,
    or one running on a live worker, is left as it is; of two runs that overlap (a worker
    taken for gone that was only slow), the first to finish keeps its file."""
    job = Export.objects.filter(pk=export_id)
    if not job_claim(job):
        return Export.objects.get(pk=export_id)
    export = job.select_related("lab", "borough").get()
    total = lab_tables_size(export.lab, borough=export.borough)
    job.update(rows_done=0, rows_total=total)
    name = f"{export.lab.slug}-{uuid.uuid4().hex}.xlsx"
    with heartbeat(job):
        try:
            with tempfile.TemporaryFile() as out:
                progress = _progress_writer(export.pk, total)
                lab_workbook_write(export.lab, out, borough=export.borough, progress=progress)
                out.seek(0)
                export.file.save(name, File(out), save=False)
        except SoftTimeLimitExceeded:
            export.status, export.error = Export.Status.FAILED, TOO_LONG
        except Exception as error:
            log.exception("export %s failed", export.pk)
            export.status, export.error = Export.Status.FAILED, str(error)
        else:
            export.status, export.error = Export.Status.READY, ""
    with transaction.atomic():
        if job.select_for_update().get().status != Export.Status.RUNNING:
            if export.file:
                export.file.delete(save=False)  # another run finished first
            return job.get()
        export.finished_at = timezone.now()
        export.save(update_fields=["file", "status", "error", "finished_at"])
    return export


def _progress_writer(export_id: int, total: int) -> Callable[[int], None]:
    """Record the rows written so far, at most once a second, for the exports page."""
    last = time.monotonic()

    def write(done: int) -> None:
        nonlocal last
        if time.monotonic() - last >= PROGRESS_SECONDS:
            # Never past the estimate: the small tables are not counted in it.
            Export.objects.filter(pk=export_id).update(rows_done=min(done, total))
            last = time.monotonic()

    return write


def exports_to_send() -> QuerySet:
    """Exports to send (again): the broker was down when they were asked for, lost them,
    or their worker went silent (see `cms.jobs.jobs_to_send`). `pilots.tasks.exports_requeue`
    sends them."""
    return jobs_to_send(Export.objects.all(), created="created_at")


def exports_give_up() -> int:
    """Mark failed the exports whose worker stopped on every attempt."""
    return jobs_given_up(Export.objects.all()).update(
        status=Export.Status.FAILED, error=STOPPED, finished_at=timezone.now()
    )


def exports_prune(*, keep_days: int = KEEP_DAYS) -> int:
    """Delete exports (and their files) older than `keep_days`: they copy officers'
    records, so they are not kept longer than needed. Returns how many went."""
    old = Export.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=keep_days))
    count = 0
    for export in old:
        if export.file:
            export.file.delete(save=False)
        export.delete()
        count += 1
    return count
