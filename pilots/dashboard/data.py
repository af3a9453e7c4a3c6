"""The convenors' dashboard: every borough of a Lab at a glance.

Everything is aggregated in the database, one grouped query per panel, so the number of
queries stays the same however many boroughs, pilots and readings there are. What a
pilot's records add up to is kept per pilot (`PilotFigures`, `pilots.dashboard.figures`):
the figures by borough are a sum of those rows, one per published pilot.
"""

import datetime as dt

from django.db.models import Count, F, Max, Q, QuerySet, Subquery, Sum

from designlab.models import Attendance, Challenge, IntegrationDomain, Lab, Session
from pilots.dashboard.figures import KPI_STATUS_FIELDS, READING_FIELDS, pilot_figures_ensure
from pilots.dashboard.rows import BoroughRow
from pilots.models import KPIReading, Pilot, PilotFigures, ResourceReuse, Stage, Status

NETWORK_EDGES_SHOWN = 50
ATTENTION_SHOWN = 15
SUMMED = ["kpis", "kpis_reported", "kpis_met", "progress_sum", "progress_kpis",
          *KPI_STATUS_FIELDS.values(), *READING_FIELDS.values()]  # fmt: skip
COUNTED = ["evaluated", "evaluation_planned", "with_kpi", "with_reading", "with_milestone",
           "with_partner"]  # fmt: skip


def dashboard_pilots(
    lab: Lab, *, challenge: Challenge | None = None, domain: IntegrationDomain | None = None
) -> QuerySet:
    """The Lab's published pilots the dashboard counts, with the filters chosen."""
    pilots = Pilot.objects.published().filter(lab=lab)
    if challenge or domain:
        filtered = pilots.filter(**({"challenges": challenge} if challenge else {}))
        filtered = filtered.filter(**({"domains": domain} if domain else {}))
        pilots = Pilot.objects.filter(pk__in=Subquery(filtered.values("pk")))
    return pilots


def dashboard_data(
    lab: Lab,
    *,
    cohort: dict[int, str],
    challenge: Challenge | None = None,
    domain: IntegrationDomain | None = None,
    today: dt.date,
) -> dict:
    """The figures by borough of `cohort` (the Lab's boroughs: id → name), from each
    pilot's kept figures, and the pilots furthest behind their milestones."""
    pilots = dashboard_pilots(lab, challenge=challenge, domain=domain)
    rows = {pk: BoroughRow(pk, name) for pk, name in cohort.items()}
    stages = {f"stage_{value}": Count("pk", filter=Q(stage=value)) for value in Stage.values}
    sums = pilots.values("borough_id").annotate(
        pilots=Count("pk"),
        missing=Count("pk", filter=Q(figures__isnull=True)),
        with_lesson=Count("pk", filter=~Q(key_lesson="")),
        slipped=Count("pk", filter=PilotFigures.slipped(today, "figures__")),
        last_update=Max("updated_at"),
        last_period=Max("figures__last_period"),
        **stages,
        **{name: Count("pk", filter=Q(**{f"figures__{name}": True})) for name in COUNTED},
        **{name: Sum(f"figures__{name}") for name in SUMMED},
    )  # fmt: skip
    found_rows = list(sums.order_by())
    if any(found["missing"] for found in found_rows):  # rare: see pilots.dashboard.figures
        pilot_figures_ensure(pilots)
        found_rows = list(sums.order_by())
    kpi_statuses = dict.fromkeys(Status, 0)
    stage_values, status_values = Stage.values, KPIReading.Status.values  # once: 3,500 rows
    for found in found_rows:
        row = rows.get(found["borough_id"])
        if row is None:
            continue
        for name in ("pilots", "with_lesson", "slipped", "last_update", "last_period", *COUNTED):
            setattr(row, name, found[name])
        for name in SUMMED:  # none when a pilot's row was dropped a moment ago
            found[name] = found[name] or 0
        row.kpis, row.kpis_reported = found["kpis"], found["kpis_reported"]
        row.kpis_met = found["kpis_met"]
        row.stages = {value: found[f"stage_{value}"] for value in stage_values}
        row.readings = {status: found[field] for status, field in READING_FIELDS.items()}
        if found["progress_kpis"]:
            row.kpi_progress = found["progress_sum"] / found["progress_kpis"]
        for status, field in KPI_STATUS_FIELDS.items():
            kpi_statuses[status] += found[field]
    for row in rows.values():
        row.reading_counts = [row.readings.get(value, 0) for value in status_values]
        row.stage_counts = [row.stages.get(value, 0) for value in stage_values]

    attention = (
        pilots.exclude(stage__in=[Stage.COMPLETED, Stage.STOPPED])
        .furthest_behind(today, ATTENTION_SHOWN)
        .select_related("borough")
    )
    boroughs = list(rows.values())
    return {
        "boroughs": boroughs,
        "stages": Stage.choices,
        "reading_statuses": KPIReading.Status.choices,
        "attention": list(attention),
        "status_counts": list(kpi_statuses.items()),
        "totals": {
            "pilots": sum(b.pilots for b in boroughs),
            "kpis": sum(b.kpis for b in boroughs),
            "evaluated": sum(b.evaluated for b in boroughs),
            "slipped": sum(b.slipped for b in boroughs),
            "stale": sum(1 for b in boroughs if b.stale),
        },
    }


def lab_exchange_data(lab: Lab) -> dict:
    """Sessions held, attendance and peer exchange by borough: not filtered, and unchanged
    by readings."""
    sessions = dict(Session.objects.filter(lab=lab).values_list("kind").annotate(n=Count("pk")))
    attended: dict[int, dict] = {}
    attendance = (
        Attendance.objects.filter(session__lab=lab)
        .values_list("borough_id", "session__kind")
        .annotate(n=Count("pk"))
    )
    for borough_id, kind, n in attendance:
        attended.setdefault(borough_id, {})[kind] = n
    exchanges = ResourceReuse.objects.filter(resource__lab=lab).exclude(
        borough_id=F("resource__borough_id")
    )
    shared = dict(exchanges.values_list("resource__borough_id").annotate(n=Count("pk")))
    reused = dict(exchanges.values_list("borough_id").annotate(n=Count("pk")))
    edges = (
        exchanges.values("resource__borough__name", "borough__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "resource__borough__name", "borough__name")[:NETWORK_EDGES_SHOWN]
    )
    return {"sessions": sessions, "attended": attended, "shared": shared, "reused": reused,
            "edges": list(edges)}  # fmt: skip


def rows_exchange_join(boroughs: list[BoroughRow], exchange: dict) -> None:
    """Fill in each row's attendance and peer exchange from `lab_exchange_data`."""
    for b in boroughs:
        b.attended = exchange["attended"].get(b.pk, {})
        b.attended_counts = [b.attended.get(kind, 0) for kind in exchange["sessions"]]
        b.shared = exchange["shared"].get(b.pk, 0)
        b.reused = exchange["reused"].get(b.pk, 0)
