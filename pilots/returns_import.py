"""Importing a spreadsheet return: all or nothing.

Every row is checked before anything is written. Any problem refuses the whole file and
each problem is listed by sheet, row and column; otherwise the readings are written in
one transaction, so a worker killed part way leaves nothing behind and the retried task
completes the import exactly once. Values equal to what is recorded are left alone, so
importing the same file twice changes nothing the second time.
"""

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from cms.uploads import UploadRefused, upload_check
from designlab.models import Borough
from pilots.models import KPI, KPIReading, ReturnUpload
from pilots.periods import period_problem
from pilots.returns import (
    KINDS,
    MAX_BYTES,
    OPTIONAL,
    REQUIRED,
    FileRefused,
    Sheet,
    _column_name,
    problem,
    return_sheet_read,
)

logger = logging.getLogger(__name__)

BATCH = 2_000
MAX_PROBLEMS = 200
LARGEST = Decimal("999999999999.99")
CENTS = Decimal("0.01")
NEGATIVE = "%s is negative; KPI readings cannot be below 0."
STALE = dt.timedelta(minutes=10)  # longer than any real import takes
UNREADABLE = (
    "This file could not be read. Save it again from the return template as .xlsx or "
    "CSV UTF-8 and upload it again."
)


def return_upload_create(*, borough: Borough, file, user=None) -> ReturnUpload:
    """Check `file` (size, type, contents, zip bomb) and store it under a generated name.
    Raises UploadRefused with a plain message; nothing is stored then."""
    kind = upload_check(file, kinds=KINDS, max_bytes=MAX_BYTES)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    file.seek(0)
    upload = ReturnUpload(
        borough=borough,
        uploaded_by=user,
        original_name=file.name[-255:],
        sha256=digest.hexdigest(),
    )
    upload.file.save(f"return.{kind}", File(file), save=False)
    upload.save()
    return upload


def import_kpi_return(upload_id: int, *, checkpoint: Callable[[str], None] | None = None):
    """Import the return `upload_id`; safe to run any number of times.

    `checkpoint` is for tests only: it is called after each stage of writing, inside the
    transaction, so a test can make it raise to stand in for a worker dying part way.
    """
    import_started(upload_id)
    with transaction.atomic():
        upload = (
            ReturnUpload.objects.select_for_update().select_related("borough").get(pk=upload_id)
        )
        if upload.status in (ReturnUpload.Status.DONE, ReturnUpload.Status.REFUSED):
            return upload
        try:
            with upload.file.open("rb") as file:
                kind = upload_check(file, kinds=KINDS, max_bytes=MAX_BYTES)
                rows = return_rows_check(return_sheet_read(file, kind), upload.borough)
        except UploadRefused as refusal:
            rows = FileRefused([problem(refusal.messages[0])])
        except FileRefused as refusal:
            rows = refusal
        except FileNotFoundError:
            rows = FileRefused([problem("The uploaded file is missing; upload it again.")])
        except DatabaseError:
            raise  # the task is retried; the file may be fine
        except Exception:
            # A file nobody foresaw must not leave the upload "running" and requeued for
            # ever: refuse it, and keep the details for the developers.
            logger.exception("return upload %s could not be read", upload_id)
            rows = FileRefused([problem(UNREADABLE)])
        if isinstance(rows, FileRefused):
            upload.status = ReturnUpload.Status.REFUSED
            upload.problems = rows.problems[:MAX_PROBLEMS]
            if len(rows.problems) > MAX_PROBLEMS:
                more = len(rows.problems) - MAX_PROBLEMS
                upload.problems.append(problem(f"… and {more} more problems."))
            action, data = "pilots.return_refused", {"problems": len(rows.problems)}
        else:
            created, updated, unchanged = readings_write(
                rows, user=upload.uploaded_by, checkpoint=checkpoint
            )
            upload.status = ReturnUpload.Status.DONE
            upload.created, upload.updated, upload.unchanged = created, updated, unchanged
            action = "pilots.return_imported"
            data = {"created": created, "updated": updated, "unchanged": unchanged}
        upload.finished_at = timezone.now()
        upload.save()
        data.update(file=upload.original_name, borough=upload.borough.name)
        log(upload, action, user=upload.uploaded_by, data=data)
    return upload


def return_rows_check(sheet: Sheet, borough: Borough) -> dict | FileRefused:
    """The readings of `sheet` keyed by (KPI id, period start), or every problem found."""
    columns = {name.casefold(): i for i, name in enumerate(sheet.header) if name}
    missing = [name for name in REQUIRED if name.casefold() not in columns]
    if missing:
        listed = ", ".join(f"“{name}”" for name in missing)
        return FileRefused(
            [
                problem(
                    f"Column {listed} is missing. The first row must hold the template's "
                    f"column names; {', '.join(REQUIRED)} are required.",
                    sheet=sheet.name,
                    row=1,
                )
            ]
        )
    at = {name: columns[name.casefold()] for name in REQUIRED}
    at.update({name: columns.get(name.casefold()) for name in OPTIONAL})
    kpis = {
        k.pk: k
        for k in KPI.objects.select_related("pilot", "pilot__borough").only(
            "name",
            "unit",
            "frequency",
            "pilot__borough__name",
            "pilot__actual_start",
            "pilot__actual_end",
            "pilot__planned_start",
            "pilot__planned_end",
        )  # fmt: skip
    }
    today = timezone.localdate()
    readings, first_row, problems = {}, {}, []
    for number, cells in sheet.rows:

        def cell(name, cells=cells):
            index = at[name]
            return cells[index] if index is not None and index < len(cells) else None

        def report(message, name, number=number):
            column = _column_name(sheet.header, at[name]) if name else ""
            problems.append(problem(message, sheet=sheet.name, row=number, column=column))

        if all(_blank(c) for c in cells):
            continue
        kpi = _kpi_find(cell("KPI ID"), kpis, borough, lambda m: report(m, "KPI ID"))
        value = _value_read(cell("Value"), kpi, lambda m: report(m, "Value"))
        start = _date_read(cell("Period start"), lambda m: report(m, "Period start"))
        # Without a Note column the notes already recorded are kept.
        note = None if at["Note"] is None else str(cell("Note") or "").strip()
        if note and len(note) > 500:
            report(f"The note is {len(note)} characters long; the limit is 500.", "Note")
        if kpi is None or start is None or _blank(cell("Value")):
            continue
        if reason := period_problem(kpi, kpi.pilot, start, today):
            report(reason, "Period start")
            continue
        key = (kpi.pk, start)
        if key in first_row:
            report(f"This KPI and period are already on row {first_row[key]}.", "Period start")
            continue
        first_row[key] = number
        if value is not None:
            readings[key] = (value, note)
    return FileRefused(problems) if problems else readings


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kpi_find(raw, kpis: dict, borough: Borough, report) -> KPI | None:
    if _blank(raw):
        report("The KPI ID is empty. Use the rows of the template without changing this column.")
        return None
    try:
        number = float(raw) if not isinstance(raw, str) else float(raw.strip())
        pk = int(number)
        if pk != number:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        report(
            f"“{raw}” is not a KPI ID. Use the rows of the template without changing this column."
        )
        return None
    kpi = kpis.get(pk)
    if kpi is None:
        report(
            f"There is no KPI with ID {pk}. Download a new template and copy your figures into it."
        )
        return None
    if kpi.pilot.borough_id != borough.pk:
        report(
            f"KPI {pk} (“{kpi.name}”) belongs to {kpi.pilot.borough.name}, not {borough.name}. "
            f"Only {borough.name}'s KPIs can be imported here."
        )
        return None
    return kpi


def _value_read(raw, kpi: KPI | None, report) -> Decimal | None:
    if _blank(raw):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        report(f"“{raw}” is not a number. Type a number only, such as 12 or 45.5.")
        return None
    try:
        value = Decimal(raw.strip().replace(",", "") if isinstance(raw, str) else str(raw))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        report(f"“{raw}” is not a number. Type a number only, such as 12 or 45.5.")
        return None
    if abs(value) > LARGEST:  # checked before rounding, which fails on numbers such as 1e30
        report(f"“{raw}” is too large to be a reading." if value > 0 else NEGATIVE % raw)
        return None
    value = value.quantize(CENTS)
    if value < 0:
        report(NEGATIVE % value)
    elif kpi is not None and kpi.unit == KPI.Unit.PERCENT and value > 100:
        report(f"{value} is not a percentage: “{kpi.name}” takes a number from 0 to 100.")
    else:
        return value
    return None


def _date_read(raw, report) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(raw.strip(), pattern).date()
            except ValueError:
                pass
    if _blank(raw):
        report("The period start is empty. Write the first day of the period, such as 2023-07-01.")
    else:
        report(f"“{raw}” is not a date. Write the first day of the period, such as 2023-07-01.")
    return None


def readings_write(
    readings: dict, *, user=None, checkpoint: Callable[[str], None] | None = None
) -> tuple[int, int, int]:
    """Create and update readings; returns (created, updated, unchanged). An update keeps
    a revision of the value it replaces. A note of None leaves the recorded note alone."""
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


def _updates_write(changed: list, user) -> None:
    if not changed:
        return
    content_type = ContentType.objects.get_for_model(KPIReading)
    now = timezone.now()

    def revision(reading):
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


def import_started(upload_id: int) -> None:
    """Show the upload as running. Committed on its own: the import's transaction is
    invisible until it ends, and a worker that dies leaves "running" for the requeue."""
    ReturnUpload.objects.filter(pk=upload_id, status=ReturnUpload.Status.QUEUED).update(
        status=ReturnUpload.Status.RUNNING
    )


def returns_requeue(*, older_than: dt.timedelta = STALE) -> int:
    """Send again the uploads still waiting after `older_than`: the broker was down when
    they were uploaded, or their worker died. Returns how many were sent."""
    from cms.queue import send
    from pilots.tasks import import_kpi_return as task

    cutoff = timezone.now() - older_than
    waiting = ReturnUpload.objects.filter(
        Q(sent_at__isnull=True) | Q(sent_at__lt=cutoff),
        status__in=[ReturnUpload.Status.QUEUED, ReturnUpload.Status.RUNNING],
        uploaded_at__lt=cutoff,
    )
    sent = 0
    for upload_id in waiting.values_list("pk", flat=True):
        if send(task, upload_id):
            ReturnUpload.objects.filter(pk=upload_id).update(sent_at=timezone.now())
            sent += 1
    return sent
