"""Celery tasks of the tracker. Each is a thin wrapper: it takes ids, calls the domain
function of the same name, and is idempotent."""

from celery import shared_task

from pilots import exports, notifications, outcomes, returns_import


@shared_task
def import_kpi_return(upload_id: int) -> str:
    return returns_import.import_kpi_return(upload_id).status


@shared_task
def returns_requeue() -> int:
    return returns_import.returns_requeue()


@shared_task
def reminders_send() -> int:
    return notifications.reminders_send()


@shared_task
def roundup_send() -> int:
    return notifications.roundup_send()


@shared_task
def outcomes_snapshot_all() -> int:
    """Nightly: a snapshot of every Lab that has outcomes defined."""
    return outcomes.outcomes_snapshot_all()


@shared_task
def lab_export_run(export_id: int) -> str:
    return exports.lab_export_run(export_id).status


@shared_task
def exports_requeue() -> int:
    return exports.exports_requeue()


@shared_task
def exports_prune() -> int:
    return exports.exports_prune()
