"""Exports asked for in the admin: written by a Celery task, kept a week, downloaded only by
the person who asked (or a convenor)."""

import datetime as dt
import logging
import tempfile
import time
import uuid
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db.models import QuerySet
from django.utils import timezone

from designlab.models import Borough, Export
from pilots.access.scoping import AnyUser, is_convenor, user_borough
from pilots.exports.tables import lab_tables_size
from pilots.exports.workbook import lab_workbook_write

log = logging.getLogger(__name__)

KEEP_DAYS = 7
PROGRESS_SECONDS = 1.0
STALE = dt.timedelta(minutes=15)  # longer than a national-scale export takes


def export_scope(user: AnyUser) -> Borough | None:
    """The borough whose rows `user` may export; None for every borough (convenors)."""
    if is_convenor(user):
        return None
    borough = user_borough(user)
    if borough is None:
        raise PermissionDenied
    return borough


def lab_export_run(export_id: int) -> Export:
    """Write the workbook of an export request to storage. Idempotent: a finished export
    is left as it is."""
    export = Export.objects.select_related("lab", "borough").get(pk=export_id)
    if export.status == Export.Status.READY:
        return export
    total = lab_tables_size(export.lab, borough=export.borough)
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.RUNNING, rows_done=0, rows_total=total
    )
    name = f"{export.lab.slug}-{uuid.uuid4().hex}.xlsx"
    try:
        with tempfile.TemporaryFile() as out:
            progress = _progress_writer(export.pk, total)
            lab_workbook_write(export.lab, out, borough=export.borough, progress=progress)
            out.seek(0)
            export.file.save(name, File(out), save=False)
    except Exception as error:
        log.exception("export %s failed", export.pk)
        export.status, export.error = Export.Status.FAILED, str(error)
    else:
        export.status, export.error = Export.Status.READY, ""
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


def exports_waiting(*, older_than: dt.timedelta = STALE) -> QuerySet:
    """Exports still waiting after `older_than`: the broker was down when they were asked
    for, or their worker died. `pilots.tasks.exports_requeue` sends them again."""
    return Export.objects.filter(
        status__in=[Export.Status.QUEUED, Export.Status.RUNNING],
        created_at__lt=timezone.now() - older_than,
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
