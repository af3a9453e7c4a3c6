"""The one way readings are written: `readings_write`, for a single reading typed into the
form (`reading_save`) and for a whole return alike.

A reading equal to what is recorded is left alone, so writing the same figures twice
changes nothing; a changed reading keeps a revision of the value it replaces.
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

BATCH = 2_000
CENTS = Decimal("0.01")

# (KPI id, period start) → (value, note[, details]); a note of None leaves the recorded
# note alone. `details` sets other fields of the reading (the story, the two counts of a
# percentage, a confirmed unusual figure); a field it leaves out is left alone.
Readings = dict[tuple[int, dt.date], tuple[Decimal, str | None] | tuple[Decimal, str | None, dict]]
DETAILS = ["what_happened", "next_step", "numerator", "denominator",
           "quality_warning", "quality_reason"]  # fmt: skip


def reading_save(
    *,
    kpi: KPI,
    period_start: dt.date,
    value: Decimal,
    note: str,
    user: AbstractBaseUser,
    details: dict | None = None,
) -> str:
    """Record one reading (the caller has checked the period). Returns "created",
    "updated" or "unchanged"; a created or changed reading is in the audit log."""
    entry = (value, note, details or {})
    with transaction.atomic():
        created, updated, _ = readings_write({(kpi.pk, period_start): entry}, user=user)
        outcome = "created" if created else "updated" if updated else "unchanged"
        if outcome != "unchanged":
            reading = KPIReading.objects.get(kpi=kpi, period_start=period_start)
            log(reading, "wagtail.create" if created else "wagtail.edit", user=user)
    return outcome


def readings_write(
    readings: Readings,
    *,
    user: AbstractBaseUser | None = None,
    checkpoint: Callable[[str], None] | None = None,
) -> tuple[int, int, int]:
    """Create and update readings; returns (created, updated, unchanged). Run it inside the
    caller's transaction. `checkpoint` is for tests: it is called after each stage of
    writing, so a test can make it raise to stand in for a worker dying part way."""
    existing = {
        (r.kpi_id, r.period_start): r
        for r in KPIReading.objects.filter(kpi_id__in={k for k, _ in readings})
    }
    new, changed = [], []
    for (kpi_id, start), (value, note, *more) in readings.items():
        value = value.quantize(CENTS)  # as stored, so equal values compare equal
        details = more[0] if more else {}
        reading = existing.get((kpi_id, start))
        if reading is None:
            new.append(KPIReading(kpi_id=kpi_id, period_start=start, value=value,
                                  note=note or "", **details))  # fmt: skip
            continue
        if note is None:
            note = reading.note
        if reading.value != value or reading.note != note or _differs(reading, details):
            changed.append((reading, value, note, details))
    _updates_write(changed, user)
    if checkpoint:
        checkpoint("updated")
    KPIReading.objects.bulk_create(new, batch_size=BATCH)
    if checkpoint:
        checkpoint("created")
    return len(new), len(changed), len(readings) - len(new) - len(changed)


def _differs(reading: KPIReading, details: dict) -> bool:
    return any(getattr(reading, name) != value for name, value in details.items())


def _updates_write(changed: list, user: AbstractBaseUser | None) -> None:
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
        for name, detail in details.items():
            setattr(reading, name, detail)
        readings.append(reading)
    latest = Revision.objects.bulk_create([revision(r) for r in readings], batch_size=BATCH)
    for reading, rev in zip(readings, latest, strict=True):
        reading.latest_revision = rev
    KPIReading.objects.bulk_update(
        readings, ["value", "note", *DETAILS, "updated_at", "latest_revision"], batch_size=BATCH
    )
