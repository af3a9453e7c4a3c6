"""The dashboard's figures change only when something is published or imported (or a Lab's
reference data is edited), so they are computed once and kept in the cache under a
*version*, which any such change replaces. A convenor's visit then costs a cache read and
a render, however large the Lab."""

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import ModelLogEntry
from wagtail.signals import published, unpublished

from designlab.models import (
    Attendance,
    Borough,
    Lab,
    Outcome,
    OutcomeMeasure,
    Participation,
    Session,
)
from pilots.models import (
    KPI,
    Evaluation,
    KPIReading,
    Milestone,
    Partnership,
    Pilot,
    PracticeChange,
    ResourceReuse,
    ReturnUpload,
    SharedResource,
)

VERSION_KEY = "pilots:dashboard-version"
KEPT_SECONDS = 24 * 60 * 60  # a safety net: a change the signals miss shows within a day


def dashboard_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def _version_start() -> None:
    # A fresh timestamp, not incr(): an evicted counter restarting could revive old figures.
    cache.set(VERSION_KEY, time.time_ns(), None)


def dashboard_invalidate(**kwargs) -> None:
    """A signal receiver: the figures are stale from now on, and again once the change
    commits (figures computed meanwhile from the data before it would be kept otherwise)."""
    _version_start()
    transaction.on_commit(_version_start)


def dashboard_cached(key: str, build: Callable[[], object]) -> object:
    return cache.get_or_set(f"pilots:dashboard:{dashboard_version()}:{key}", build, KEPT_SECONDS)


def _log_entry_saved(sender, instance: ModelLogEntry, **kwargs) -> None:
    # A reading typed in (readings are written in bulk, without save signals) is logged;
    # so is an import that finished. Other logged actions only cost a recomputation.
    dashboard_invalidate()


def dashboard_signals_connect() -> None:
    published.connect(dashboard_invalidate, sender=Pilot, dispatch_uid="dashboard-published")
    unpublished.connect(dashboard_invalidate, sender=Pilot, dispatch_uid="dashboard-unpub")
    post_save.connect(_log_entry_saved, sender=ModelLogEntry, dispatch_uid="dashboard-log")
    models = (Pilot, KPIReading, Milestone, Evaluation, KPI, Partnership, PracticeChange,
              SharedResource, ResourceReuse, ReturnUpload, Attendance, Session, Participation,
              Borough, Lab, Outcome, OutcomeMeasure)  # fmt: skip
    for model in models:
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            uid = f"dashboard-{name}-{model.__name__}"
            signal.connect(dashboard_invalidate, sender=model, dispatch_uid=uid)
