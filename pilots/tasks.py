"""Celery tasks of the tracker, and the functions that queue them.

Each task is a thin wrapper: it takes ids, calls the domain function of the same name, and
is idempotent. Views and commands queue work through the `*_queue` functions below; domain
code never imports this module, so it can import the domain freely.

Every task has a soft time limit (the task is told, and records why it stopped) and a hard
one (the worker kills it) no longer than settings.CELERY_TASK_TIME_LIMIT, to which Redis's
visibility timeout is fitted. Imports and exports go to the "bulk" queue (settings'
CELERY_TASK_ROUTES) so that e-mails and small returns never wait behind them.
"""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import transaction
from django.utils import timezone

from cms.queue import send
from designlab.models import Export
from pilots.dashboard import kept
from pilots.exports import runs
from pilots.followups import reminders as follow_up_reminders
from pilots.models import ReturnUpload
from pilots.notifications import reminders, roundup
from pilots.outcomes import ratings
from pilots.returns import imports

MINUTE = 60
IMPORT_MINUTES = 5
# A borough's quarterly return is a few kB; 100,000 rows are about 4.5 MB.
SMALL_RETURN_BYTES = 256 * 1024
SMALL_TASK = {"soft_time_limit": MINUTE, "time_limit": 2 * MINUTE}
# A warm that waited longer is dropped unrun: a convenor's visit has computed it by then.
WARM_EXPIRES_SECONDS = MINUTE


@shared_task(soft_time_limit=IMPORT_MINUTES * MINUTE, time_limit=(IMPORT_MINUTES + 1) * MINUTE)
def import_kpi_return(upload_id: int) -> str:
    try:
        return imports.import_kpi_return(upload_id).status
    except SoftTimeLimitExceeded:
        imports.import_timed_out(upload_id, minutes=IMPORT_MINUTES)
        return ReturnUpload.Status.REFUSED


def return_queue(upload: ReturnUpload) -> str:
    """The queue for importing `upload`: a small return goes ahead of the bulk work."""
    try:
        small = upload.file.size <= SMALL_RETURN_BYTES
    except OSError:
        small = False  # the import will say the file is missing
    return "celery" if small else "bulk"


def return_send(upload_id: int) -> bool:
    """Send the import of `upload_id` now; record when, or leave it waiting for the
    requeue when the broker cannot be reached."""
    upload = ReturnUpload.objects.get(pk=upload_id)
    if not send(import_kpi_return, upload_id, queue=return_queue(upload)):
        return False
    ReturnUpload.objects.filter(pk=upload_id).update(sent_at=timezone.now())
    return True


def return_import_queue(upload_id: int) -> None:
    """Import the return once the current transaction commits."""
    transaction.on_commit(lambda: return_send(upload_id))


@shared_task(**SMALL_TASK)
def returns_requeue() -> int:
    """Send again the uploads that need it (see `imports.uploads_to_send`); give up those
    whose worker stopped every time. Runs every 20 seconds (pilots.notifications.schedule)."""
    imports.uploads_give_up()
    ids = imports.uploads_to_send().values_list("pk", flat=True)
    return sum(return_send(pk) for pk in ids)


@shared_task(soft_time_limit=10 * MINUTE, time_limit=11 * MINUTE)
def lab_export_run(export_id: int) -> str:
    return runs.lab_export_run(export_id).status


def export_send(export_id: int) -> bool:
    """Send the export `export_id` now; record when, as `return_send` does."""
    if not send(lab_export_run, export_id):
        return False
    Export.objects.filter(pk=export_id).update(sent_at=timezone.now())
    return True


def lab_export_queue(export_id: int) -> None:
    """Write the export once the current transaction commits."""
    transaction.on_commit(lambda: export_send(export_id))


@shared_task(**SMALL_TASK)
def exports_requeue() -> int:
    """Send again the exports that need it (see `runs.exports_to_send`)."""
    runs.exports_give_up()
    ids = runs.exports_to_send().values_list("pk", flat=True)
    return sum(export_send(pk) for pk in ids)


@shared_task(soft_time_limit=5 * MINUTE, time_limit=6 * MINUTE)
def exports_prune() -> int:
    return runs.exports_prune()


@shared_task(soft_time_limit=10 * MINUTE, time_limit=11 * MINUTE)
def reminders_send() -> int:
    return reminders.reminders_send()


@shared_task(soft_time_limit=10 * MINUTE, time_limit=11 * MINUTE)
def roundup_send() -> int:
    return roundup.roundup_send()


@shared_task(soft_time_limit=10 * MINUTE, time_limit=11 * MINUTE)
def outcomes_snapshot_all() -> int:
    """Nightly: a snapshot of every Lab that has outcomes defined."""
    return ratings.outcomes_snapshot_all()


@shared_task(soft_time_limit=10 * MINUTE, time_limit=11 * MINUTE)
def follow_ups_remind() -> int:
    return follow_up_reminders.follow_ups_remind()


@shared_task(**SMALL_TASK)
def dashboard_warm(lab_ids: list[int]) -> int:
    return kept.dashboard_warm(lab_ids)


def dashboard_warm_queue(sender, lab_ids: set[int], **kwargs) -> None:
    """A receiver of `dashboard_changed`: compute the Labs' dashboards in the worker, not
    in the request of the convenor who opens it next. Nothing is lost if the broker is
    down: the visit computes them."""
    send(dashboard_warm, sorted(lab_ids), expires=WARM_EXPIRES_SECONDS)
