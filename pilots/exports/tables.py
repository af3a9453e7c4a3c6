"""A Lab's records as tables: a header and a stream of typed rows read in chunks, so a
national-scale export keeps memory flat. Only published pilots and their rows are
exported. `borough` limits every table to one borough's rows (an officer's export); None
means every borough (convenors)."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, CharField, F, QuerySet, Value, When

from designlab.models import Attendance, Borough, Lab, Session
from pilots.models import KPI, KPIReading, Pilot, ResourceReuse, SharedResource
from pilots.outcomes.ratings import lab_outcomes

CHUNK = 5000


def _labels(model, field: str) -> dict:
    """A choice field's stored codes → the labels people read (defined on the model)."""
    return dict(model._meta.get_field(field).flatchoices)


def _shown(row: tuple, labels: dict[int, dict]) -> tuple:
    """`row` with the codes at the given positions replaced by their labels."""
    return tuple(labels[i].get(v, v) if i in labels else v for i, v in enumerate(row))


@dataclass(frozen=True)
class Table:
    name: str
    headers: list[str]
    rows: Iterator[tuple]


def _published(lab: Lab, borough: Borough | None) -> QuerySet:
    pilots = Pilot.objects.published().filter(lab=lab)
    return pilots.filter(borough=borough) if borough else pilots


def _names_by_pilot(pilots: QuerySet, relation: str) -> dict[int, str]:
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
    labels = {3: _labels(Pilot, "stage"), 10: _labels(Pilot, "provenance")}
    for row in rows.iterator(chunk_size=CHUNK):
        pk, *rest = _shown(row, labels)
        yield (pk, *rest[:-1], challenges.get(pk, ""), domains.get(pk, ""), rest[-1])


PILOT_HEADERS = [
    "Pilot ID", "Borough", "Title", "Stage", "Planned start", "Planned end", "Actual start",
    "Actual end", "Activity", "Key lesson", "Where this came from", "Challenges",
    "Integration domains",
    "Updated",
]  # fmt: skip


def kpis_query(lab: Lab, borough: Borough | None) -> QuerySet:
    """The KPIs table as one query, each KPI joined to its latest reading, labels and
    progress (as every page shows it) in SQL: COPY can write it."""
    progress = KPI.progress_expression("latest_value", "latest_target")
    return (
        KPI.objects.filter(pilot__in=_published(lab, borough))
        .with_latest_reading()
        .annotate(
            unit_shown=_label(KPI, "unit", "unit"),
            direction_shown=_label(KPI, "direction", "direction"),
            frequency_shown=_label(KPI, "frequency", "frequency"),
            progress_shown=KPI.percent_expression(progress),
            provenance_shown=_label(KPI, "provenance", "provenance"),
        )
        .order_by("pilot__borough__name", "pilot__title", "sort_order", "pk")
        .values_list(
            "pk",
            "pilot_id",
            "pilot__borough__name",
            "pilot__title",
            "name",
            "unit_shown",
            "direction_shown",
            "frequency_shown",
            "baseline",
            "target",
            "latest_period",
            "latest_value",
            "progress_shown",
            "provenance_shown",
        )  # fmt: skip
    )


def _kpis(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    return kpis_query(lab, borough).iterator(chunk_size=CHUNK)


KPI_HEADERS = [
    "KPI ID", "Pilot ID", "Borough", "Pilot", "KPI", "Unit", "Direction", "Frequency",
    "Baseline", "Target", "Latest period", "Latest value", "Progress to target (%)",
    "Where this came from",
]  # fmt: skip


def _label(model, field: str, path: str) -> Case:
    """A choice field's label in SQL (the labels people read, defined on the model), so
    that rows need no work in Python and COPY can write them."""
    choices = model._meta.get_field(field).flatchoices
    whens = [When(**{path: code}, then=Value(str(label))) for code, label in choices]
    return Case(*whens, default=F(path), output_field=CharField())


def readings_query(lab: Lab, borough: Borough | None) -> QuerySet:
    """The Readings table as one query (its rows are plain values: COPY can write it)."""
    return (
        KPIReading.objects.filter(kpi__pilot__in=_published(lab, borough))
        .annotate(
            unit_shown=_label(KPI, "unit", "kpi__unit"),
            provenance_shown=_label(KPIReading, "provenance", "provenance"),
        )
        .order_by("kpi_id", "period_start")
        .values_list(
            "pk",
            "kpi_id",
            "kpi__pilot_id",
            "kpi__pilot__borough__name",
            "kpi__name",
            "unit_shown",
            "period_start",
            "value",
            "note",
            "status",
            "provenance_shown",
        )  # fmt: skip
    )


def _readings(lab: Lab, borough: Borough | None) -> Iterator[tuple]:
    return readings_query(lab, borough).iterator(chunk_size=CHUNK)


READING_HEADERS = [
    "Reading ID", "KPI ID", "Pilot ID", "Borough", "KPI", "Unit", "Period start", "Value",
    "Note", "Status", "Where this came from",
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
                visible_pilots(m.pilots), m.rationale, outcome.evidence_grade_label,
                outcome.evidence.summary,
            )  # fmt: skip


OUTCOME_HEADERS = [
    "Outcome", "Statement", "Outcome rating", "Measure", "Rated", "Count", "Of", "Unit",
    "Success from", "Partial from", "Measure rating", "Boroughs", "Pilots", "Rationale",
    "Strength of evidence", "Evidence behind the rating",
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
        "pk", "borough__name", "title", "kind", "visibility", "approved_at", "withdrawn_at",
        "created_at", "provenance",
    )  # fmt: skip
    kinds, provenances = _labels(SharedResource, "kind"), _labels(SharedResource, "provenance")
    for pk, owner, title, kind, visibility, approved, withdrawn, created, provenance in rows:
        shown = SharedResource(
            visibility=visibility, approved_at=approved, withdrawn_at=withdrawn
        ).visibility_shown
        for reused_by, on in reuses.get(pk) or [("", None)]:
            yield (pk, owner, title, kinds.get(kind, kind), shown, created,
                   provenances.get(provenance, provenance), reused_by, on)  # fmt: skip


RESOURCE_HEADERS = [
    "Resource ID", "Borough", "Title", "Kind", "Visibility", "Shared", "Where this came from",
    "Reused by", "Reused on",
]  # fmt: skip

# The tables that are one query each, by key of TABLES.
QUERIES = {"kpis": kpis_query, "readings": readings_query}

TABLES = {
    "pilots": ("Pilots", PILOT_HEADERS, _pilots),
    "kpis": ("KPIs", KPI_HEADERS, _kpis),
    "readings": ("Readings", READING_HEADERS, _readings),
    "outcomes": ("Outcomes", OUTCOME_HEADERS, _outcomes),
    "sessions": ("Sessions", SESSION_HEADERS, _sessions),
    "resources": ("Resources", RESOURCE_HEADERS, _resources),
}


def lab_tables_size(lab: Lab, *, borough: Borough | None) -> int:
    """About how many rows `lab_tables` holds: its three large tables, counted in the
    database (the small ones are left out, so progress shown from it is approximate)."""
    pilots = _published(lab, borough)
    return (
        pilots.count()
        + KPI.objects.filter(pilot__in=pilots).count()
        + KPIReading.objects.filter(kpi__pilot__in=pilots).count()
    )


def jit_off() -> None:
    """Turn PostgreSQL's JIT compiler off for this connection: it spent 3.5 s of 6.3 s
    compiling the KPI table's subqueries at national scale, for queries an export runs
    once. (Left off for the connection's life: a request's connection closes after it.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")


def lab_tables(lab: Lab, *, borough: Borough | None) -> Iterator[Table]:
    jit_off()
    for name, headers, rows in TABLES.values():
        yield Table(name, headers, rows(lab, borough))
