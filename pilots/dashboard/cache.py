"""The dashboard's figures change only when something is published or imported (or a Lab's
reference data is edited), so they are computed once and kept in the cache under a
*version*, which any such change replaces. A convenor's visit then costs a cache read and
a render, however large the Lab.

Two versions: every change replaces the first; the second (`RECORDS_KEY`: sessions, peer
exchange, the outcomes' definitions and cohort, the page's choices) is kept through a
change of pilots or their records (a publish, an import, a review), the most frequent
changes, which none of those panels shows. What a pilot's records add up to, for the
figures by borough and the outcome ratings alike, is kept per pilot
(`pilots.dashboard.figures`): a change drops only that pilot's row, so the figures and
ratings after a change cost a read of rows. Once a change commits, the worker computes
the dashboards it changed as first shown (`dashboard_changed`, received by
`pilots.tasks.dashboard_warm_queue`), so that the next visit reads kept figures."""

import threading
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.models import ModelLogEntry
from wagtail.signals import published, unpublished

from designlab.models import (
    Attendance,
    Borough,
    Challenge,
    IntegrationDomain,
    Lab,
    Outcome,
    OutcomeMeasure,
    OutcomeSnapshot,
    Participation,
    Session,
)
from pilots.dashboard.figures import pilot_figures_forget, pilot_figures_refresh
from pilots.models import (
    KPI,
    Evaluation,
    FollowUp,
    KPIReading,
    KPITarget,
    Milestone,
    Partnership,
    Pilot,
    PracticeChange,
    ResourceReuse,
    ReturnUpload,
    SharedResource,
)
from pilots.readings.history import readings_written
from pilots.readings.review import readings_public_changed

VERSION_KEY = "pilots:dashboard-version"
RECORDS_KEY = "pilots:dashboard-records-version"
KEPT_SECONDS = 24 * 60 * 60  # a safety net: a change the signals miss shows within a day
_pending = threading.local()  # what the transaction being committed changed, per thread
# Sent once a change commits, with `lab_ids`: the Labs whose dashboards it changed.
dashboard_changed = Signal()


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns(), None)
        version = cache.get(key)
    return version


def dashboard_version() -> int:
    return _version(VERSION_KEY)


def _versions_start(keys: tuple[str, ...]) -> None:
    # A fresh timestamp, not incr(): an evicted counter restarting could revive old figures.
    cache.set_many(dict.fromkeys(keys, time.time_ns()), None)


def _invalidate(*keys: str, pilots: Iterable[int] = ()) -> None:
    """The figures are stale from now on, and again once the change commits; the figures
    of `pilots` are computed again then."""
    _versions_start(keys)
    if not _waiting():  # what a rolled-back transaction left is not this one's
        _pending.keys, _pending.pilots = set(), set()
    _pending.keys.update(keys)
    _pending.pilots.update(pilots)
    # A hook for each change, though the first does it all: one registered inside a
    # savepoint that rolls back is dropped, and the others must still run.
    transaction.on_commit(_committed)


def _waiting() -> bool:
    """Whether `_committed` waits for this transaction's commit."""
    hooks = transaction.get_connection().run_on_commit
    return any(hook is _committed for _, hook, _ in hooks)


def _committed() -> None:
    """Once a change commits, in this order: its pilots' figures computed again; the
    figures stale again (figures computed meanwhile from the data before it would be kept
    otherwise); the dashboards of its pilots' Labs computed ahead of the next visit
    (`dashboard_changed`), once every version they are kept under has moved. The first
    of a transaction's hooks does it all; the others find nothing left."""
    keys, pilot_ids = _pending.keys, _pending.pilots
    _pending.keys, _pending.pilots = set(), set()
    if not keys:
        return
    found = dict(Pilot.objects.filter(pk__in=pilot_ids).values_list("pk", "lab_id"))
    pilot_figures_refresh(found)  # the pilots still there
    labs = set(found.values())
    _versions_start(tuple(keys))
    if RECORDS_KEY in keys:  # sessions, exchange, outcomes or Labs: on every Lab's page
        labs = set(Lab.objects.values_list("pk", flat=True))
    if labs:
        dashboard_changed.send(sender=Lab, lab_ids=labs)


def dashboard_invalidate(**kwargs) -> None:
    """A signal receiver: every figure is stale."""
    _invalidate(VERSION_KEY, RECORDS_KEY)


def _figures_changed(**kwargs) -> None:
    # Pilots, their records and readings show only in what is read from kept per-pilot rows.
    _invalidate(VERSION_KEY)


def _pilots_changed(pilot_ids: Iterable[int]) -> None:
    """The records of `pilot_ids` changed: their figures are dropped now (a visit in this
    transaction, or after it, computes them again) and computed again on commit."""
    ids = set(pilot_ids)
    pilot_figures_forget(ids)
    _invalidate(VERSION_KEY, pilots=ids)


def dashboard_cached(key: str, build: Callable[[], object], *, records: bool = False) -> object:
    """`build()` kept until the next change; with `records`, kept through a change of
    pilots, their records or readings."""
    version = _version(RECORDS_KEY if records else VERSION_KEY)
    return cache.get_or_set(f"pilots:dashboard:{int(records)}:{version}:{key}", build,
                            KEPT_SECONDS)  # fmt: skip


def _pilot_changed(sender, instance: Pilot, **kwargs) -> None:
    # Pilots adapted from it count as adapted from another borough only while it is live.
    adapted = Pilot.objects.filter(adapted_from=instance.pk).values_list("pk", flat=True)
    _pilots_changed([instance.pk, *adapted])


def _record_changed(sender, instance, **kwargs) -> None:
    # A milestone, evaluation, partnership, practice change, check-in or KPI of a pilot.
    _pilots_changed([instance.pilot_id])


def _kpi_rows_changed(sender, instance, **kwargs) -> None:
    # A reading or a period's target, saved one at a time.
    _pilots_changed(KPI.objects.filter(pk=instance.kpi_id).values_list("pilot_id", flat=True))


def _readings_written(sender, kpi_ids: set[int], **kwargs) -> None:
    _pilots_changed(KPI.objects.filter(pk__in=kpi_ids).values_list("pilot_id", flat=True))


def _readings_public_changed(sender, pilot_ids: set[int], **kwargs) -> None:
    _pilots_changed(pilot_ids)


def _log_entry_saved(sender, instance: ModelLogEntry, **kwargs) -> None:
    # Logged actions without a signal of their own only cost a recomputation.
    _figures_changed()


def dashboard_signals_connect() -> None:
    published.connect(_pilot_changed, sender=Pilot, dispatch_uid="dashboard-published")
    unpublished.connect(_pilot_changed, sender=Pilot, dispatch_uid="dashboard-unpub")
    post_save.connect(_log_entry_saved, sender=ModelLogEntry, dispatch_uid="dashboard-log")
    readings_written.connect(_readings_written, dispatch_uid="dashboard-readings-written")
    readings_public_changed.connect(_readings_public_changed, dispatch_uid="dashboard-public")
    receivers = {Pilot: _pilot_changed, KPIReading: _kpi_rows_changed,
                 KPITarget: _kpi_rows_changed, KPI: _record_changed,
                 Milestone: _record_changed, Evaluation: _record_changed,
                 Partnership: _record_changed, PracticeChange: _record_changed,
                 FollowUp: _record_changed,
                 SharedResource: dashboard_invalidate, ResourceReuse: dashboard_invalidate,
                 ReturnUpload: _figures_changed, Attendance: dashboard_invalidate,
                 Session: dashboard_invalidate, Participation: dashboard_invalidate,
                 Borough: dashboard_invalidate, Lab: dashboard_invalidate,
                 Outcome: dashboard_invalidate, OutcomeMeasure: dashboard_invalidate,
                 OutcomeSnapshot: dashboard_invalidate, Challenge: dashboard_invalidate,
                 IntegrationDomain: dashboard_invalidate}  # fmt: skip
    for model, receiver in receivers.items():
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            uid = f"dashboard-{name}-{model.__name__}"
            signal.connect(receiver, sender=model, dispatch_uid=uid)
