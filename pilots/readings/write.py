"""The one way readings are written: `readings_write`, for a single reading typed into the
form (`reading_save`) and for a whole return alike.

A reading equal to what is recorded is left alone, so writing the same figures twice
changes nothing; a changed reading keeps a revision of the value it replaces. An approved
reading is locked: a write that would change one is refused whole (`ReadingLocked`).

Writers of the same KPIs take turns: each locks its KPIs' rows first, so a double-submitted
first save waits for the other, then finds the reading and changes nothing, rather than
failing on the one-reading-per-period constraint.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import chain
from types import MappingProxyType

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from pilots.models import KPI, KPIReading, ReturnUpload
from pilots.readings.history import reading_label, reading_statuses_log, readings_written
from pilots.readings.inserts import rows_insert
from pilots.readings.parts import parts_changed, parts_split, parts_write
from pilots.readings.periods import period_label

BATCH = 2_000
CENTS = Decimal("0.01")
Status = KPIReading.Status

# (KPI id, period start) → (value, note[, details]); a note of None leaves the recorded
# note alone. `details` sets other fields of the reading (the story, the two counts of a
# percentage, a confirmed unusual figure); a field it leaves out is left alone.
Readings = dict[tuple[int, dt.date], tuple[Decimal, str | None] | tuple[Decimal, str | None, dict]]
DETAILS = ["what_happened", "next_step", "numerator", "denominator",
           "quality_warning", "quality_reason", "parts_reason"]  # fmt: skip
_DETAIL_DEFAULTS = [(name, KPIReading._meta.get_field(name).get_default()) for name in DETAILS]
# The fields of a new reading's row, as `readings_write` inserts them.
NEW_COLUMNS = ["kpi", "period_start", "value", "note", "status", *DETAILS, "created_by_return"]
NO_DETAILS = MappingProxyType({})
# What `readings_write` compares of a recorded reading.
RECORDED = ["pk", "kpi_id", "period_start", "value", "note", "status", *DETAILS]


class ReadingLocked(Exception):
    """Approved readings that a write would change; nothing was written."""

    def __init__(self, locked: list[tuple[KPI, dt.date]]):
        self.locked = locked
        self.messages = [reading_locked_message(kpi, start) for kpi, start in locked]
        super().__init__("; ".join(self.messages))


def reading_locked_message(kpi: KPI, period_start: dt.date) -> str:
    return (
        f"{kpi.name}, {period_label(period_start, kpi.frequency)}: this reading is approved, "
        "so it is locked. Ask a convenor to reopen it if it must change."
    )


def reading_save(
    *,
    kpi: KPI,
    period_start: dt.date,
    value: Decimal,
    note: str,
    user: AbstractBaseUser,
    details: dict | None = None,
    submit: bool = True,
) -> str:
    """Record one reading (the caller has checked the period), as a draft or submitted for
    review. Returns "created", "updated", "submitted" (only its status changed) or
    "unchanged"; a created or changed reading is in the audit log. Raises ReadingLocked."""
    status = Status.SUBMITTED if submit else Status.DRAFT
    entry = (value, note, details or {})
    with transaction.atomic():
        counts = readings_write({(kpi.pk, period_start): entry}, status=status, user=user)
        created, updated, _ = counts
        outcome = "created" if created else "updated" if updated else "unchanged"
        if outcome != "unchanged":
            reading = KPIReading.objects.get(kpi=kpi, period_start=period_start)
            log(reading, "wagtail.create" if created else "wagtail.edit", user=user)
        elif counts.status_changed:
            outcome = "submitted" if submit else "drafted"
    return outcome


class Written(tuple):
    """(created, updated, unchanged), and how many of the unchanged changed status only."""

    status_changed: int = 0


def readings_write(
    readings: Readings,
    *,
    status: str = Status.SUBMITTED,
    user: AbstractBaseUser | None = None,
    upload: ReturnUpload | None = None,
    checkpoint: Callable[[str], None] | None = None,
) -> Written:
    """Create and update readings with `status` (a draft or submitted); returns (created,
    updated, unchanged). Raises ReadingLocked, writing nothing, when it would change an
    approved reading. Run it inside the caller's transaction. Each submission is logged
    for its reading, but the readings a return's `upload` creates: its own log entry says
    who submitted them and when (`pilots.readings.history`). `checkpoint` is for tests: it
    is called after each stage of writing, so a test can make it raise to stand in for a
    worker dying part way. A reading's details may carry its parts per category
    (`pilots.readings.parts`): written with it, and locked with it once approved."""
    readings, parts = parts_split(readings)
    # Lock the KPIs, in a fixed order, before reading what is recorded (see the module).
    kpis = {
        k.pk: k
        for k in KPI.objects.select_for_update()
        .filter(pk__in={k for k, _ in readings})
        .only("pk", "name", "frequency")
        .order_by("pk")
    }
    # What is recorded is compared as plain rows, not model objects: a return of 100,000
    # readings imported again costs little time and memory.
    recorded = KPIReading.objects.filter(
        kpi_id__in=kpis, period_start__in={start for _, start in readings}
    )
    parts_ids = _ids(recorded, parts)
    parts_differ = parts_changed(parts, parts_ids)
    seen, changed, restatused, locked = set(), [], [], []
    for reading in recorded.values_list(*RECORDED, named=True).iterator(chunk_size=BATCH):
        key = (reading.kpi_id, reading.period_start)
        if (entry := readings.get(key)) is None:
            continue
        seen.add(key)
        value, note, *more = entry
        details = more[0] if more else {}
        if note is None:
            note = reading.note
        is_locked = reading.status == Status.APPROVED  # KPIReading.is_locked, of a row
        if reading_differs(reading, value, note, details) or key in parts_differ:
            if is_locked:
                locked.append((kpis[reading.kpi_id], reading.period_start))
            else:
                changed.append((reading, value.quantize(CENTS), note, details))
        elif not is_locked and reading.status != status:
            restatused.append(reading)
    if locked:
        raise ReadingLocked(locked)
    submitted = [r for r, *_ in changed if r.status != status] + restatused
    _updates_write(changed, status, user)
    if restatused:
        KPIReading.objects.filter(pk__in=[r.pk for r in restatused]).update(status=status)
    if checkpoint:
        checkpoint("updated")
    submitting = status == Status.SUBMITTED
    upload_id = upload.pk if upload is not None and submitting else None
    # The new readings' ids, in the order of `readings`, to log each one's submission.
    new_ids = [] if submitting and upload_id is None else None
    new_rows = _new_rows(readings, seen, status, upload_id)
    created = rows_insert(KPIReading, NEW_COLUMNS, new_rows, ids=new_ids)
    parts_write(
        {key: given for key, given in parts.items() if key not in parts_ids or key in parts_differ}
    )
    if checkpoint:
        checkpoint("created")
    if submitting:
        labels = [(r.pk, reading_label(kpis[r.kpi_id].name, r.period_start)) for r in submitted]
        if created and new_ids is not None:
            new = (key for key in readings if key not in seen)
            labels = chain(labels, _new_labels(kpis, new_ids, new))
        reading_statuses_log(labels, "pilots.reading_submitted", user=user)
    if created or changed or restatused:
        readings_written.send(KPIReading, kpi_ids=set(kpis))
    written = Written((created, len(changed), len(readings) - created - len(changed)))
    written.status_changed = len(restatused)
    return written


def _ids(recorded: QuerySet, parts: dict) -> dict[tuple[int, dt.date], int]:
    """The ids of the recorded readings among the keys of `parts` (few: split KPIs only)."""
    if not parts:
        return {}
    rows = recorded.filter(kpi_id__in={k for k, _ in parts}).values_list(
        "pk", "kpi_id", "period_start"
    )
    return {(kpi_id, start): pk for pk, kpi_id, start in rows if (kpi_id, start) in parts}


def _new_rows(
    readings: Readings, recorded: set, status: str, upload_id: int | None
) -> Iterator[tuple]:
    """The rows (NEW_COLUMNS) of the readings not `recorded`, made as they are inserted."""
    extras = {}  # by details: a return's readings share a few
    for key, (value, note, *more) in readings.items():
        if key in recorded:
            continue
        details = more[0] if more else NO_DETAILS
        if (extra := extras.get(id(details))) is None:
            extra = tuple(details.get(name, default) for name, default in _DETAIL_DEFAULTS)
            extras[id(details)] = extra
        yield (*key, value.quantize(CENTS), note or "", status, *extra, upload_id)


def _new_labels(
    kpis: dict[int, KPI], ids: list[int], keys: Iterator[tuple[int, dt.date]]
) -> Iterator[tuple[int, str]]:
    """(id, label) of the readings just inserted, their `ids` and `keys` in one order."""
    for pk, (kpi_id, start) in zip(ids, keys, strict=True):
        yield pk, reading_label(kpis[kpi_id].name, start)


def reading_differs(
    reading: KPIReading, value: Decimal, note: str | None, details: dict | None = None
) -> bool:
    """Whether writing (value, note, details) would change the recorded reading: a note of
    None, and a detail left out, leave the recorded one alone."""
    return (
        reading.value != value.quantize(CENTS)
        or (note is not None and reading.note != note)
        or any(getattr(reading, name) != v for name, v in (details or {}).items())
    )


def _updates_write(changed: list, status: str, user: AbstractBaseUser | None) -> None:
    """Write the `changed` readings ((recorded row, value, note, details)), each with a
    revision, loading the readings a batch at a time."""
    if not changed:
        return
    content_type = ContentType.objects.get_for_model(KPIReading)
    now = timezone.now()

    def revision(reading: KPIReading) -> Revision:
        return Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(reading.pk),
            created_at=now,
            user=user,
            content=reading.serializable_data(),
            object_str=f"{reading.period_start:%b %Y}: {reading.value}",
        )

    for start in range(0, len(changed), BATCH):
        batch = {row.pk: entry for row, *entry in changed[start : start + BATCH]}
        readings = list(KPIReading.objects.filter(pk__in=batch))
        # The first edit of a reading also records what it was before.
        Revision.objects.bulk_create(
            [revision(r) for r in readings if r.latest_revision_id is None], batch_size=BATCH
        )
        for reading in readings:
            value, note, details = batch[reading.pk]
            reading.value, reading.note, reading.updated_at = value, note, now
            reading.status = status
            for name, detail in details.items():
                setattr(reading, name, detail)
        latest = Revision.objects.bulk_create([revision(r) for r in readings], batch_size=BATCH)
        for reading, rev in zip(readings, latest, strict=True):
            reading.latest_revision = rev
        KPIReading.objects.bulk_update(
            readings,
            ["value", "note", *DETAILS, "status", "updated_at", "latest_revision"],
            batch_size=BATCH,
        )
