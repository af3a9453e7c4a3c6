"""A Lab's records as a spreadsheet: an .xlsx workbook, or one CSV per table.

Each table is a header and a stream of typed rows read in chunks, so a national-scale
export keeps memory flat (openpyxl write-only mode). Only published pilots and their rows
are exported. `borough` limits every table to one borough's rows (an officer's export);
None means every borough (convenors). Every text cell passes through `cell_safe`.
"""

import csv
import datetime as dt
import logging
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cms.cells import cell_safe
from designlab.models import Attendance, Borough, Export, Lab, Session
from pilots.models import KPI, KPIReading, Pilot, ResourceReuse, SharedResource
from pilots.outcomes import lab_outcomes
from pilots.scoping import is_convenor, user_borough

log = logging.getLogger(__name__)

CHUNK = 5000
KEEP_DAYS = 7
STALE = dt.timedelta(minutes=15)  # longer than a national-scale export takes
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Table:
    name: str
    headers: list[str]
    rows: Iterator[tuple]


def _published(lab: Lab, borough: Borough | None):
    pilots = Pilot.objects.filter(live=True, lab=lab)
    return pilots.filter(borough=borough) if borough else pilots


def _names_by_pilot(pilots, relation: str) -> dict[int, str]:
    """The names a pilot links to through `relation`, joined: one query for all pilots."""
    field = Pilot._meta.get_field(relation)
    name = f"{field.m2m_reverse_field_name()}__name"
    names = defaultdict(list)
    rows = field.remote_field.through.objects.filter(pilot__in=pilots).order_by(name)
    for pilot_id, found in rows.values_list("pilot_id", name):
        names[pilot_id].append(found)
    return {pilot_id: "; ".join(found) for pilot_id, found in names.items()}


def _pilots(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    pilots = _published(lab, borough)
    challenges = _names_by_pilot(pilots, "challenges")
    domains = _names_by_pilot(pilots, "domains")
    rows = pilots.order_by("borough__name", "title", "pk").values_list(
        "pk", "borough__name", "title", "stage", "planned_start", "planned_end",
        "actual_start", "actual_end", "activity", "key_lesson", "provenance", "updated_at",
    )  # fmt: skip
    for row in rows.iterator(chunk_size=CHUNK):
        pk, *rest = row
        yield (pk, *rest[:-1], challenges.get(pk, ""), domains.get(pk, ""), rest[-1])


PILOT_HEADERS = [
    "Pilot ID", "Borough", "Title", "Stage", "Planned start", "Planned end", "Actual start",
    "Actual end", "Activity", "Key lesson", "Provenance", "Challenges", "Integration domains",
    "Updated",
]  # fmt: skip


def _kpis(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    latest = KPIReading.objects.filter(kpi=OuterRef("pk")).order_by("-period_start")
    kpis = (
        KPI.objects.filter(pilot__in=_published(lab, borough))
        .annotate(
            latest_period=Subquery(latest.values("period_start")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
        )
        .order_by("pilot__borough__name", "pilot__title", "sort_order", "pk")
        .values_list(
            "pk",
            "pilot_id",
            "pilot__borough__name",
            "pilot__title",
            "name",
            "unit",
            "direction",
            "frequency",
            "baseline",
            "target",
            "latest_period",
            "latest_value",
            "provenance",
        )  # fmt: skip
    )
    return kpis.iterator(chunk_size=CHUNK)


KPI_HEADERS = [
    "KPI ID", "Pilot ID", "Borough", "Pilot", "KPI", "Unit", "Direction", "Frequency",
    "Baseline", "Target", "Latest period", "Latest value", "Provenance",
]  # fmt: skip


def _readings(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    readings = (
        KPIReading.objects.filter(kpi__pilot__in=_published(lab, borough))
        .order_by("kpi_id", "period_start")
        .values_list(
            "pk",
            "kpi_id",
            "kpi__pilot_id",
            "kpi__pilot__borough__name",
            "kpi__name",
            "kpi__unit",
            "period_start",
            "value",
            "note",
            "provenance",
        )  # fmt: skip
    )
    return readings.iterator(chunk_size=CHUNK)


READING_HEADERS = [
    "Reading ID", "KPI ID", "Pilot ID", "Borough", "KPI", "Unit", "Period start", "Value",
    "Note", "Provenance",
]  # fmt: skip


def _outcomes(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    """Counts are Lab-wide (the report publishes them); an officer sees only their own
    borough's name among the boroughs behind a count."""

    def visible(names: list[str]) -> str:
        return "; ".join(n for n in names if borough is None or n == borough.name)

    def visible_pilots(names: list[str]) -> str:
        return "; ".join(n for n in names if borough is None or n.startswith(f"{borough}: "))

    for outcome in lab_outcomes(lab):
        for m in outcome.measures:
            yield (
                outcome.number, outcome.statement, outcome.rating_label, m.label,
                "Rated" if m.rated else "Evidence only", m.count, m.total, m.unit,
                m.success_from, m.partial_from, m.rating_label or "", visible(m.boroughs),
                visible_pilots(m.pilots), m.rationale,
            )  # fmt: skip


OUTCOME_HEADERS = [
    "Outcome", "Statement", "Outcome rating", "Measure", "Rated", "Count", "Of", "Unit",
    "Success from", "Partial from", "Measure rating", "Boroughs", "Pilots", "Rationale",
]  # fmt: skip


def _sessions(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    """One row per session and participating borough: attended or not."""
    cohort = Borough.objects.filter(participations__lab=lab)
    if borough:
        cohort = cohort.filter(pk=borough.pk)
    cohort = list(cohort.values_list("pk", "name"))
    attended = set(
        Attendance.objects.filter(
            session__lab=lab, borough_id__in=[pk for pk, _ in cohort]
        ).values_list("session_id", "borough_id")
    )
    sessions = Session.objects.filter(lab=lab).order_by("held_on", "kind", "number")
    for session in sessions:
        for borough_id, name in cohort:
            yield (
                session.get_kind_display(), session.number, session.title, session.held_on,
                name, "Yes" if (session.pk, borough_id) in attended else "No",
            )  # fmt: skip


SESSION_HEADERS = ["Kind", "Number", "Title", "Held on", "Borough", "Attended"]


def _resources(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    """One row per exchange of a borough's resource (a resource nobody reused: one row)."""
    resources = SharedResource.objects.filter(lab=lab)
    if borough:
        resources = resources.filter(borough=borough)
    reuses = defaultdict(list)
    for resource_id, name, on in ResourceReuse.objects.filter(resource__in=resources).values_list(
        "resource_id", "borough__name", "reused_on"
    ):
        reuses[resource_id].append((name, on))
    rows = resources.order_by("borough__name", "title").values_list(
        "pk", "borough__name", "title", "kind", "visibility", "created_at", "provenance"
    )
    for pk, owner, title, kind, visibility, created, provenance in rows:
        for reused_by, on in reuses.get(pk) or [("", None)]:
            yield (pk, owner, title, kind, visibility, created, provenance, reused_by, on)


RESOURCE_HEADERS = [
    "Resource ID", "Borough", "Title", "Kind", "Visibility", "Shared", "Provenance",
    "Reused by", "Reused on",
]  # fmt: skip

TABLES = {
    "pilots": ("Pilots", PILOT_HEADERS, _pilots),
    "kpis": ("KPIs", KPI_HEADERS, _kpis),
    "readings": ("Readings", READING_HEADERS, _readings),
    "outcomes": ("Outcomes", OUTCOME_HEADERS, _outcomes),
    "sessions": ("Sessions", SESSION_HEADERS, _sessions),
    "resources": ("Resources", RESOURCE_HEADERS, _resources),
}


def lab_tables(lab: Lab, *, borough: Borough | None) -> Iterator[Table]:
    for name, headers, rows in TABLES.values():
        yield Table(name, headers, rows(lab, borough))


def _cell(sheet, value):
    """A typed cell: dates and times get a date format (spreadsheets have no time zones,
    so a timestamp is shown in the site's local time); text is neutralised."""
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(sheet, value=timezone.localtime(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return cell_safe(value)


def lab_workbook_write(lab: Lab, out, *, borough: Borough | None) -> int:
    """Write the Lab's workbook to `out` (a path or binary file); return the data rows."""
    workbook = Workbook(write_only=True)
    written = 0
    for table in lab_tables(lab, borough=borough):
        sheet = workbook.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        for column in range(1, len(table.headers) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 18
        header = []
        for title in table.headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        sheet.append(header)
        rows = 0
        for row in table.rows:
            sheet.append([_cell(sheet, v) for v in row])
            rows += 1
        last = get_column_letter(len(table.headers))
        sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
        written += rows
    workbook.save(out)
    return written


class _Line:
    """A file-like object whose write returns the line, so csv.writer can stream."""

    def write(self, value: str) -> str:
        return value


def table_csv_lines(lab: Lab, table: str, *, borough: Borough | None) -> Iterator[str]:
    """One table (a key of TABLES) as CSV text, line by line."""
    _, headers, rows = TABLES[table]
    writer = csv.writer(_Line())
    yield writer.writerow(headers)
    for row in rows(lab, borough):
        yield writer.writerow(["" if v is None else cell_safe(v) for v in row])


def export_scope(user) -> Borough | None:
    """The borough whose rows `user` may export; None for every borough (convenors)."""
    if is_convenor(user):
        return None
    borough = user_borough(user)
    if borough is None:
        raise PermissionDenied
    return borough


def lab_export_run(export_id: int) -> Export:
    """Write the workbook of an export request to storage. Idempotent: a finished export
    is left as it is."""
    export = Export.objects.select_related("lab", "borough").get(pk=export_id)
    if export.status == Export.Status.READY:
        return export
    Export.objects.filter(pk=export.pk).update(status=Export.Status.RUNNING)
    name = f"{export.lab.slug}-{uuid.uuid4().hex}.xlsx"
    try:
        with tempfile.TemporaryFile() as out:
            lab_workbook_write(export.lab, out, borough=export.borough)
            out.seek(0)
            export.file.save(name, File(out), save=False)
    except Exception as error:
        log.exception("export %s failed", export.pk)
        export.status, export.error = Export.Status.FAILED, str(error)
    else:
        export.status, export.error = Export.Status.READY, ""
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "error", "finished_at"])
    return export


def exports_requeue(*, older_than: dt.timedelta = STALE) -> int:
    """Send again the exports still waiting after `older_than`: the broker was down when
    they were asked for, or their worker died. Returns how many were sent."""
    from cms.queue import send
    from pilots.tasks import lab_export_run as task

    waiting = Export.objects.filter(
        status__in=[Export.Status.QUEUED, Export.Status.RUNNING],
        created_at__lt=timezone.now() - older_than,
    )
    return sum(send(task, pk) for pk in waiting.values_list("pk", flat=True))


def exports_prune(*, keep_days: int = KEEP_DAYS) -> int:
    """Delete exports (and their files) older than `keep_days`: they copy officers'
    records, so they are not kept longer than needed. Returns how many went."""
    old = Export.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=keep_days))
    count = 0
    for export in old:
        if export.file:
            export.file.delete(save=False)
        export.delete()
        count += 1
    return count
