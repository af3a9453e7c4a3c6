"""A reading's history: the values a corrected reading had before (its revisions), and
every change of its status (submitted, approved, returned, reopened) with who and when.

Status changes are Wagtail log entries, so the same rows are the reading's history here
and the audit log's (Reports → Site history). The readings a return created were submitted
by its import, whose one log entry stands for them all: a return may create 100,000."""

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from pilots.models import KPIReading, ReturnUpload
from pilots.readings.inserts import rows_insert

# Sent with `kpi_ids` when readings are written or change status in bulk (no post_save):
# the dashboard computes those pilots' figures again.
readings_written = Signal()

BATCH = 2_000

# Log action → what the reading's history says.
STATUS_ACTIONS = {
    "pilots.reading_submitted": "Submitted for review",
    "pilots.reading_approved": "Approved",
    "pilots.reading_returned": "Returned",
    "pilots.reading_reopened": "Reopened",
}


def reading_earlier_values(readings: Iterable[KPIReading]) -> dict[int, list[Revision]]:
    """The values each corrected reading had before, oldest first, by reading id."""
    by_pk = {r.pk: r for r in readings if r.latest_revision_id}
    if not by_pk:
        return {}
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(KPIReading),
        object_id__in=[str(pk) for pk in by_pk],
    ).order_by("created_at", "pk")
    earlier = defaultdict(list)
    for revision in revisions:
        if revision.pk != by_pk[int(revision.object_id)].latest_revision_id:
            revision.value = Decimal(revision.content["value"])
            earlier[int(revision.object_id)].append(revision)
    return dict(earlier)


def reading_statuses_log(
    labels: Mapping[int, str] | Iterable[tuple[int, str]],
    action: str,
    *,
    user: AbstractBaseUser | None,
    comment: str = "",
) -> None:
    """Record `action` for the readings `labels` ({reading id: label}, or (id, label)
    pairs, read as they are inserted) as Wagtail log entries, inserted in bulk: a return
    may submit 100,000 readings at once."""
    if isinstance(labels, Mapping) and not labels:
        return
    content_type = ContentType.objects.get_for_model(KPIReading)
    now = timezone.now()
    data = {"comment": comment} if comment else {}
    given = ["content_type", "object_id", "label", "action", "data", "timestamp", "user"]
    user_id = user.pk if user is not None else None
    pairs = labels.items() if isinstance(labels, Mapping) else labels
    rows = ((content_type.pk, str(pk), label, action, data, now, user_id) for pk, label in pairs)
    rows_insert(ModelLogEntry, given, rows)


def reading_label(kpi_name: str, period_start: dt.date) -> str:
    return f"{kpi_name}, {_month_label(period_start)}"


@functools.cache
def _month_label(period_start: dt.date) -> str:
    return f"{period_start:%b %Y}"  # remembered: a return labels 100,000 readings


def reading_status_history(readings: Iterable[KPIReading]) -> dict[int, list[ModelLogEntry]]:
    """Each reading's changes of status, oldest first, by reading id, in two queries.
    An entry's `said` is the plain words for its action. A reading a return created
    begins with that return's import: its submission."""
    readings = list(readings)
    pks = [str(r.pk) for r in readings]
    if not pks:
        return {}
    imported = _imports_logged({r.created_by_return_id for r in readings} - {None})
    entries = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(KPIReading),
            object_id__in=pks,
            action__in=STATUS_ACTIONS,
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    history = defaultdict(list)
    for reading in readings:
        if (entry := imported.get(reading.created_by_return_id)) is not None:
            history[reading.pk].append(entry)  # before any entry of its own
    for entry in entries:
        entry.said = STATUS_ACTIONS[entry.action]
        history[int(entry.object_id)].append(entry)
    return dict(history)


def _imports_logged(upload_ids: set[int]) -> dict[int, ModelLogEntry]:
    """The log entry of each return's import, by upload id, said as the submission of
    the readings it created."""
    if not upload_ids:
        return {}
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ReturnUpload),
        object_id__in=[str(pk) for pk in upload_ids],
        action="pilots.return_imported",
    ).select_related("user")
    logged = {int(entry.object_id): entry for entry in entries}
    for entry in logged.values():
        entry.said = STATUS_ACTIONS["pilots.reading_submitted"]
    return logged
