"""Background jobs recorded in a row (a return upload, an export): who runs one, whether
its worker is still alive, and what its status page may truthfully say.

A running task writes the row's `heartbeat_at` every BEAT from a thread of its own (the
task's own transaction is invisible until it commits). A job whose heartbeat is older
than STALE has lost its worker (killed, out of memory, machine gone): the requeue task
sends it again and the next worker takes it over (`job_claim`). Rows need the fields
`status` ("queued"/"running"/…), `sent_at`, `heartbeat_at` and `attempts`.
"""

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connections
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.formats import time_format

log = logging.getLogger(__name__)

QUEUED, RUNNING = "queued", "running"
BEAT = dt.timedelta(seconds=10)  # how often a running task says it is alive
STALE = dt.timedelta(seconds=60)  # silence after which its worker is taken to be gone
UNSENT_GRACE = dt.timedelta(seconds=10)  # the send after commit gets its chance first
RESEND = dt.timedelta(minutes=2)  # sent, nobody took it (the broker lost it): send again
MAX_ATTEMPTS = 3  # a job that stopped its worker three times is given up, not looped
REQUEUE_EVERY = dt.timedelta(seconds=20)  # beat schedule of the requeue tasks


def job_claim(job: QuerySet) -> bool:
    """Take the job `job` (a queryset of one row) for this worker: True when it was queued,
    or running with a worker gone silent. A duplicate delivery of a job that is running
    elsewhere, or finished, gets False and must do nothing."""
    now = timezone.now()
    stale = Q(status=RUNNING) & (Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - STALE))
    claimed = job.filter(Q(status=QUEUED) | stale).update(
        status=RUNNING, heartbeat_at=now, attempts=F("attempts") + 1
    )
    return claimed == 1


@contextmanager
def heartbeat(job: QuerySet, *, every: dt.timedelta = BEAT) -> Iterator[None]:
    """Write `heartbeat_at` on `job` every `every` while the block runs. If the block
    raises, the job is released at once (heartbeat cleared) so a retry need not wait for
    it to go stale; a killed worker simply stops beating."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every.total_seconds()):
                try:
                    job.update(heartbeat_at=timezone.now())
                except DatabaseError:
                    log.warning("heartbeat not written; trying again", exc_info=True)
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=beat, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    except BaseException:
        stop.set()
        thread.join()
        # Marked silent, so the requeue sends it again on its next round.
        job.filter(status=RUNNING).update(heartbeat_at=timezone.now() - STALE - BEAT)
        raise
    finally:
        stop.set()
        thread.join()


def jobs_to_send(jobs: QuerySet, *, created: str) -> QuerySet:
    """The jobs of `jobs` that need sending (again): never sent (the broker was down),
    sent long ago and never started (the broker lost it), or running on a worker gone
    silent and not sent again since. `created` names the row's creation time field."""
    now = timezone.now()
    unsent = Q(status=QUEUED, sent_at__isnull=True, **{f"{created}__lt": now - UNSENT_GRACE})
    lost = Q(status=QUEUED, sent_at__lt=now - RESEND)
    silent = Q(status=RUNNING) & (Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - STALE))
    not_sent_since = (
        Q(sent_at__isnull=True) | Q(sent_at__lte=F("heartbeat_at")) | Q(sent_at__lt=now - RESEND)
    )
    return jobs.filter(unsent | lost | (silent & not_sent_since))


def jobs_given_up(jobs: QuerySet) -> QuerySet:
    """Running jobs whose worker went silent on the last of MAX_ATTEMPTS tries."""
    now = timezone.now()
    silent = Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - STALE)
    return jobs.filter(silent, status=RUNNING, attempts__gte=MAX_ATTEMPTS)


def job_state(
    *, status: str, created_at: dt.datetime, sent_at: dt.datetime | None,
    heartbeat_at: dt.datetime | None, attempts: int, now: dt.datetime | None = None,
) -> str:  # fmt: skip
    """What is true of a job not yet finished, in a sentence for its status page."""
    now = now or timezone.now()
    since = time_format(timezone.localtime(created_at), "H:i")
    retry = f"{REQUEUE_EVERY.seconds} seconds"
    if status == QUEUED and sent_at is None:
        return (
            f"Waiting since {since}: the job queue could not be reached. Sending is tried "
            f"again every {retry}; nothing is lost and there is nothing to do."
        )
    if status == QUEUED:
        return f"Waiting for a worker since {since}."
    if (heartbeat_at is None or heartbeat_at < now - STALE) and attempts >= MAX_ATTEMPTS:
        return f"The worker stopped {attempts} times while running it; it is being given up."
    if heartbeat_at is None or heartbeat_at < now - STALE:
        return f"The worker stopped; retrying (attempt {attempts + 1} of {MAX_ATTEMPTS})."
    seconds = max(0, int((now - heartbeat_at).total_seconds()))
    return f"Running (last heard from {seconds} s ago)."


def progress_percent(done: int, total: int | None) -> int:
    """The share of a job's rows done, as a whole percentage: never 100 before the end, so
    a bar never looks finished while the job is not."""
    if not total:
        return 0
    return min(99, done * 100 // total)
