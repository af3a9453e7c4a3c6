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
from collections.abc import Callable
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from pilots.models import KPI, KPIReading
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
NEW_COLUMNS = ["kpi", "period_start", "value", "note", "status", *DETAILS]


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
    checkpoint: Callable[[str], None] | None = None,
) -> Written:
    """Create and update readings with `status` (a draft or submitted); returns (created,
    updated, unchanged). Raises ReadingLocked, writing nothing, when it would change an
    approved reading. Run it inside the caller's transaction. `checkpoint` is for tests:
    it is called after each stage of writing, so a test can make it raise to stand in for
    a worker dying part way. A reading's details may carry its parts per category
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
    recorded = KPIReading.objects.filter(
        kpi_id__in=kpis, period_start__in={start for _, start in readings}
    )
    existing = {(r.kpi_id, r.period_start): r for r in recorded}
    parts_differ = parts_changed(parts, existing)
    new, changed, restatused, locked = [], [], [], []
    for (kpi_id, start), (value, note, *more) in readings.items():
        value = value.quantize(CENTS)  # as stored, so equal values compare equal
        details = more[0] if more else {}
        reading = existing.get((kpi_id, start))
        if reading is None:
            extra = tuple(details.get(name, default) for name, default in _DETAIL_DEFAULTS)
            new.append((kpi_id, start, value, note or "", status, *extra))
            continue
        if note is None:
            note = reading.note
        if reading_differs(reading, value, note, details) or (kpi_id, start) in parts_differ:
            if reading.is_locked:
                locked.append((kpis[kpi_id], start))
            else:
                changed.append((reading, value, note, details))
        elif not reading.is_locked and reading.status != status:
            restatused.append(reading)
    if locked:
        raise ReadingLocked(locked)
    submitted = [r for r, *_ in changed if r.status != status] + restatused
    _updates_write(changed, status, user)
    if restatused:
        KPIReading.objects.filter(pk__in=[r.pk for r in restatused]).update(status=status)
    if checkpoint:
        checkpoint("updated")
    rows_insert(KPIReading, NEW_COLUMNS, new)
    parts_write(
        {key: given for key, given in parts.items() if key not in existing or key in parts_differ}
    )
    if checkpoint:
        checkpoint("created")
    if status == Status.SUBMITTED:
        labels = {r.pk: reading_label(kpis[r.kpi_id].name, r.period_start) for r in submitted}
        labels |= _new_labels(kpis, {(row[0], row[1]) for row in new})
        reading_statuses_log(labels, "pilots.reading_submitted", user=user)
    if new or changed or restatused:
        readings_written.send(KPIReading, kpi_ids=set(kpis))
    written = Written((len(new), len(changed), len(readings) - len(new) - len(changed)))
    written.status_changed = len(restatused)
    return written


def _new_labels(kpis: dict[int, KPI], keys: set[tuple[int, dt.date]]) -> dict[int, str]:
    """{id: label} of the readings just inserted, `keys` (KPI id, period start)."""
    if not keys:
        return {}
    inserted = KPIReading.objects.filter(
        kpi_id__in={k for k, _ in keys}, period_start__in={s for _, s in keys}
    ).values_list("pk", "kpi_id", "period_start")
    return {
        pk: reading_label(kpis[kpi_id].name, start)
        for pk, kpi_id, start in inserted.iterator(chunk_size=BATCH)
        if (kpi_id, start) in keys
    }


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

    # The first edit of a reading also records what it was before.
    Revision.objects.bulk_create(
        [revision(r) for r, *_ in changed if r.latest_revision_id is None], batch_size=BATCH
    )
    readings = []
    for reading, value, note, details in changed:
        reading.value, reading.note, reading.updated_at = value, note, now
        reading.status = status
        for name, detail in details.items():
            setattr(reading, name, detail)
        readings.append(reading)
    latest = Revision.objects.bulk_create([revision(r) for r in readings], batch_size=BATCH)
    for reading, rev in zip(readings, latest, strict=True):
        reading.latest_revision = rev
    KPIReading.objects.bulk_update(
        readings,
        ["value", "note", *DETAILS, "status", "updated_at", "latest_revision"],
        batch_size=BATCH,
    )
