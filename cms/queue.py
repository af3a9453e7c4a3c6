"""Enqueue Celery tasks after the transaction commits, without crashing when the broker
is down: the job stays recorded as queued and is sent again when the broker is back."""

import logging
from typing import Any

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError

log = logging.getLogger(__name__)


def send(task: Task, *args: Any, **options: Any) -> bool:
    """Send `task` now (`options` as for `apply_async`, e.g. `queue`). False when the
    broker cannot be reached."""
    try:
        task.apply_async(args, **options)
    except OperationalError:
        log.warning("broker unavailable: %s%r left queued", task.name, args)
        return False
    return True


def enqueue_on_commit(task: Task, *args: Any) -> None:
    """Send `task` with `args` (ids, never objects) once the current transaction commits."""
    transaction.on_commit(lambda: send(task, *args))
