"""The convenors' dashboard: every borough of a Lab at a glance.

Everything is aggregated in the database, one grouped query per panel, so the number of
queries stays the same however many boroughs, pilots and readings there are.
"""

import datetime as dt

from django.db.models import Avg, Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery

from designlab.models import Attendance, Borough, Challenge, IntegrationDomain, Lab, Session
from pilots.dashboard.rows import BoroughRow
from pilots.dashboard.story import kpi_lines, status_counts
from pilots.models import (
    KPI,
    Evaluation,
    KPIReading,
    Milestone,
    Partnership,
    Pilot,
    ResourceReuse,
    Stage,
)

NETWORK_EDGES_SHOWN = 50
ATTENTION_SHOWN = 15


def _fill(rows: dict[int, BoroughRow], queryset: QuerySet, key: str, **fields: str) -> None:
    for found in queryset:
        row = rows.get(found[key])
        if row is not None:
            for attr, source in fields.items():
                setattr(row, attr, found[source])


def dashboard_data(
    lab: Lab,
    *,
    challenge: Challenge | None = None,
    domain: IntegrationDomain | None = None,
    today: dt.date,
) -> dict:
    pilots = Pilot.objects.published().filter(lab=lab)
    if challenge or domain:
        filtered = pilots.filter(**({"challenges": challenge} if challenge else {}))
        filtered = filtered.filter(**({"domains": domain} if domain else {}))
        pilots = Pilot.objects.filter(pk__in=Subquery(filtered.values("pk")))
    rows = {
        pk: BoroughRow(pk, name)
        for pk, name in Borough.objects.filter(participations__lab=lab).values_list("pk", "name")
    }

    for found in pilots.values("borough_id", "stage").annotate(n=Count("pk")):
        row = rows.get(found["borough_id"])
        if row is not None:
            row.stages[found["stage"]] = found["n"]
            row.pilots += found["n"]

    def has(model, path="pilot", **conditions):
        return Exists(model.objects.filter(**{path: OuterRef("pk")}, **conditions))

    coverage = pilots.values("borough_id").annotate(
        evaluated=Count("pk", filter=has(Evaluation, status__in=Evaluation.IMPLEMENTED)),
        planned=Count("pk", filter=has(Evaluation)),
        with_kpi=Count("pk", filter=has(KPI)),
        with_reading=Count("pk", filter=has(KPIReading, path="kpi__pilot")),
        with_milestone=Count("pk", filter=has(Milestone)),
        with_lesson=Count("pk", filter=~Q(key_lesson="")),
        with_partner=Count("pk", filter=has(Partnership)),
        slipped=Count("pk", filter=Exists(
            Milestone.objects.late(today).filter(pilot=OuterRef("pk"))
        )),
        last_update=Max("updated_at"),
    )  # fmt: skip
    _fill(rows, coverage, "borough_id", evaluated="evaluated", evaluation_planned="planned",
          with_kpi="with_kpi", with_reading="with_reading", with_milestone="with_milestone",
          with_lesson="with_lesson", with_partner="with_partner", slipped="slipped",
          last_update="last_update")  # fmt: skip
    kpis = (
        KPI.objects.filter(pilot__in=pilots)
        .with_latest_reading()
        .annotate(progress=KPI.progress_expression("latest_value", "latest_target"))
        .values("pilot__borough_id")
        .annotate(
            kpis=Count("pk"),
            reported=Count("pk", filter=Q(latest_value__isnull=False)),
            met=Count("pk", filter=Q(progress__gte=100)),
            average=Avg("progress"),
            last_period=Max("latest_period"),
        )
    )
    _fill(rows, kpis, "pilot__borough_id", kpis="kpis", kpis_reported="reported",
          kpis_met="met", kpi_progress="average", last_period="last_period")  # fmt: skip

    # Every reading, whatever its status: the convenor sees what waits, not only what counts.
    statuses = (
        KPIReading.objects.filter(kpi__pilot__in=pilots)
        .values("kpi__pilot__borough_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for found in statuses:
        row = rows.get(found["kpi__pilot__borough_id"])
        if row is not None:
            row.readings[found["status"]] = found["n"]
    for row in rows.values():
        row.reading_counts = [row.readings.get(value, 0) for value, _ in KPIReading.Status.choices]

    sessions = dict(Session.objects.filter(lab=lab).values_list("kind").annotate(n=Count("pk")))
    attendance = (
        Attendance.objects.filter(session__lab=lab)
        .values("borough_id", "session__kind")
        .annotate(n=Count("pk"))
    )
    for found in attendance:
        row = rows.get(found["borough_id"])
        if row is not None:
            row.attended[found["session__kind"]] = found["n"]

    exchanges = ResourceReuse.objects.filter(resource__lab=lab).exclude(
        borough_id=F("resource__borough_id")
    )
    shared = exchanges.values("resource__borough_id").annotate(n=Count("pk"))
    _fill(rows, shared, "resource__borough_id", shared="n")
    _fill(rows, exchanges.values("borough_id").annotate(n=Count("pk")), "borough_id", reused="n")
    edges = (
        exchanges.values("resource__borough__name", "borough__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "resource__borough__name", "borough__name")[:NETWORK_EDGES_SHOWN]
    )

    attention = (
        pilots.select_related("borough")
        .with_late_milestones(today)
        .filter(late_milestones__gt=0)
        .exclude(stage__in=[Stage.COMPLETED, Stage.STOPPED])
        .order_by("-late_milestones", "updated_at")[:ATTENTION_SHOWN]
    )
    lines = kpi_lines(pilots)
    boroughs = list(rows.values())
    for b in boroughs:
        b.stage_counts = [b.stages.get(value, 0) for value, _ in Stage.choices]
        b.attended_counts = [b.attended.get(kind, 0) for kind in sessions]
    return {
        "boroughs": boroughs,
        "stages": Stage.choices,
        "reading_statuses": KPIReading.Status.choices,
        "sessions": sessions,
        "edges": list(edges),
        "attention": list(attention),
        "kpi_lines": lines,
        "status_counts": status_counts(lines),
        "totals": {
            "pilots": sum(b.pilots for b in boroughs),
            "evaluated": sum(b.evaluated for b in boroughs),
            "slipped": sum(b.slipped for b in boroughs),
            "stale": sum(1 for b in boroughs if b.stale),
        },
    }
