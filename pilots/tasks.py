"""Celery tasks of the tracker, and the functions that queue them.

Each task is a thin wrapper: it takes ids, calls the domain function of the same name, and
is idempotent. Views and commands queue work through the `*_queue` functions below; domain
code never imports this module, so it can import the domain freely.
"""

from celery import shared_task
from django.utils import timezone

from cms.queue import enqueue_on_commit, send
from pilots.exports import runs
from pilots.models import ReturnUpload
from pilots.notifications import reminders, roundup
from pilots.outcomes import ratings
from pilots.returns import imports


@shared_task
def import_kpi_return(upload_id: int) -> str:
    return imports.import_kpi_return(upload_id).status


def return_import_queue(upload_id: int) -> None:
    """Import the return once the current transaction commits."""
    enqueue_on_commit(import_kpi_return, upload_id)


@shared_task
def returns_requeue() -> int:
    """Send again the uploads still waiting (see `imports.uploads_waiting`)."""
    sent = 0
    for upload_id in imports.uploads_waiting().values_list("pk", flat=True):
        if send(import_kpi_return, upload_id):
            ReturnUpload.objects.filter(pk=upload_id).update(sent_at=timezone.now())
            sent += 1
    return sent


@shared_task
def lab_export_run(export_id: int) -> str:
    return runs.lab_export_run(export_id).status


def lab_export_queue(export_id: int) -> None:
    """Write the export once the current transaction commits."""
    enqueue_on_commit(lab_export_run, export_id)


@shared_task
def exports_requeue() -> int:
    """Send again the exports still waiting (see `runs.exports_waiting`)."""
    waiting = runs.exports_waiting().values_list("pk", flat=True)
    return sum(send(lab_export_run, pk) for pk in waiting)


@shared_task
def exports_prune() -> int:
    return runs.exports_prune()


@shared_task
def reminders_send() -> int:
    return reminders.reminders_send()


@shared_task
def roundup_send() -> int:
    return roundup.roundup_send()


@shared_task
def outcomes_snapshot_all() -> int:
    """Nightly: a snapshot of every Lab that has outcomes defined."""
    return ratings.outcomes_snapshot_all()
