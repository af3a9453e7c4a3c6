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
from django.db import connection, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from pilots.models import KPI, KPIReading

BATCH = 2_000
CENTS = Decimal("0.01")

# (KPI id, period start) → (value, note); a note of None leaves the recorded note alone.
Readings = dict[tuple[int, dt.date], tuple[Decimal, str | None]]


def reading_save(
    *, kpi: KPI, period_start: dt.date, value: Decimal, note: str, user: AbstractBaseUser
) -> str:
    """Record one reading (the caller has checked the period). Returns "created",
    "updated" or "unchanged"; a created or changed reading is in the audit log."""
    with transaction.atomic():
        created, updated, _ = readings_write({(kpi.pk, period_start): (value, note)}, user=user)
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
    for (kpi_id, start), (value, note) in readings.items():
        value = value.quantize(CENTS)  # as stored, so equal values compare equal
        reading = existing.get((kpi_id, start))
        if reading is None:
            new.append(KPIReading(kpi_id=kpi_id, period_start=start, value=value, note=note or ""))
            continue
        if note is None:
            note = reading.note
        if reading.value != value or reading.note != note:
            changed.append((reading, value, note))
    _updates_write(changed, user)
    if checkpoint:
        checkpoint("updated")
    KPIReading.objects.bulk_create(new, batch_size=BATCH)
    if checkpoint:
        checkpoint("created")
    return len(new), len(changed), len(readings) - len(new) - len(changed)


def readings_write_bulk(
    readings: Readings,
    *,
    user: AbstractBaseUser | None = None,
    checkpoint: Callable[[str], None] | None = None,
) -> tuple[int, int, int]:
    """`readings_write` for a whole return (100,000 readings and more): the same outcome
    and counts, with the same revisions for changed readings, but recorded readings are
    compared as plain tuples and new ones inserted without building a model per row
    (COPY on PostgreSQL). Run it inside the caller's transaction."""
    existing = {
        (kpi_id, start): (pk, value, note)
        for pk, kpi_id, start, value, note in KPIReading.objects.filter(
            kpi_id__in={k for k, _ in readings}
        )
        .values_list("pk", "kpi_id", "period_start", "value", "note")
        .iterator(chunk_size=BATCH)
    }
    new, changed = [], {}
    for (kpi_id, start), (value, note) in readings.items():
        value = value.quantize(CENTS)
        found = existing.get((kpi_id, start))
        if found is None:
            new.append((kpi_id, start, value, note or ""))
        elif found[1] != value or (note is not None and found[2] != note):
            changed[found[0]] = (value, found[2] if note is None else note)
    del existing
    for batch in _batches(list(changed), BATCH):
        readings_now = KPIReading.objects.in_bulk(batch)
        _updates_write([(readings_now[pk], *changed[pk]) for pk in batch], user)
    if checkpoint:
        checkpoint("updated")
    _inserts_write(new)
    if checkpoint:
        checkpoint("created")
    return len(new), len(changed), len(readings) - len(new) - len(changed)


def _batches(items: list, size: int):
    return (items[i : i + size] for i in range(0, len(items), size))


def _inserts_write(new: list[tuple[int, dt.date, Decimal, str]]) -> None:
    """Insert new readings, given as (KPI id, period start, value, note). Every other
    column gets its field's default, so a field added to KPIReading later is filled in
    as `bulk_create` would fill it."""
    if not new:
        return
    given = ["kpi", "period_start", "value", "note"]
    fields = [f for f in KPIReading._meta.concrete_fields if not f.primary_key]
    fields = [KPIReading._meta.get_field(name) for name in given] + [
        f for f in fields if f.name not in given
    ]
    now = timezone.now()
    defaults = tuple(
        f.get_db_prep_save(now if getattr(f, "auto_now", False) else f.get_default(), connection)
        for f in fields[len(given) :]
    )
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(KPIReading._meta.db_table)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            # psycopg adapts dates and decimals itself; COPY is the fastest way in.
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in new:
                    copy.write_row(row + defaults)
            return
        prepared = [_column_prep(f) for f in fields[: len(given)]]
        marks = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
        for batch in _batches(new, BATCH * 5):
            rows = [
                tuple(prep(v) for prep, v in zip(prepared, row, strict=True)) + defaults
                for row in batch
            ]
            cursor.executemany(sql, rows)


def _column_prep(field) -> Callable:
    """The field's conversion to a database value, remembered per value: a return holds few
    distinct KPIs, periods and values, and each conversion costs a Django call."""
    seen = {}

    def prep(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = field.get_db_prep_save(value, connection)
            return result

    return prep


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
        [revision(r) for r, _, _ in changed if r.latest_revision_id is None], batch_size=BATCH
    )
    readings = []
    for reading, value, note in changed:
        reading.value, reading.note, reading.updated_at = value, note, now
        readings.append(reading)
    latest = Revision.objects.bulk_create([revision(r) for r in readings], batch_size=BATCH)
    for reading, rev in zip(readings, latest, strict=True):
        reading.latest_revision = rev
    KPIReading.objects.bulk_update(
        readings, ["value", "note", "updated_at", "latest_revision"], batch_size=BATCH
    )
