"""Each pilot's figures (`PilotFigures`) for the dashboard and the outcome ratings, computed
only for the pilots that changed.

A change to a pilot or its records deletes the pilot's row at once, in the same
transaction (`pilot_figures_forget`); the row is computed again when the change commits
(`pilots.dashboard.cache`), and any row still missing (a pilot created in bulk, a commit
hook that did not run) is computed by the next dashboard visit (`pilot_figures_ensure`).
So a visit after a publish or an import sums rows that are already there, however large
the Lab.
"""

from collections.abc import Iterable

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet

from pilots.models import (
    KPI,
    Evaluation,
    KPIReading,
    Milestone,
    Partnership,
    Pilot,
    PilotFigures,
    Status,
)
from pilots.outcomes.evidence import pilot_evidence, pilots_with_evidence
from pilots.outcomes.flags import pilot_flags

READING_FIELDS = {status: f"readings_{status}" for status in KPIReading.Status.values}
KPI_STATUS_FIELDS = {Status.ON_TRACK: "on_track", Status.AT_RISK: "at_risk",
                     Status.OFF_TRACK: "off_track"}  # fmt: skip
BATCH = 1000
UPDATED = [f.name for f in PilotFigures._meta.concrete_fields if not f.primary_key]


def pilot_figures_compute(pilot_ids: Iterable[int]) -> list[PilotFigures]:
    """The figures of the pilots `pilot_ids`, from their records (five grouped queries)."""
    ids = list(pilot_ids)
    if not ids:
        return []
    pilots = Pilot.objects.filter(pk__in=ids)

    def has(model: type, path: str = "pilot", **conditions) -> Exists:
        return Exists(model.objects.filter(**{path: OuterRef("pk")}, **conditions))

    figures = {
        row["pk"]: PilotFigures(pilot_id=row.pop("pk"), **row)
        for row in pilots.values("pk").annotate(
            **pilot_flags(),
            evaluation_planned=has(Evaluation),
            with_kpi=has(KPI),
            with_reading=has(KPIReading, path="kpi__pilot"),
            with_milestone=has(Milestone),
            with_partner=has(Partnership),
            # The half of `Milestone.objects.late` that does not depend on the day.
            milestones_done_late=Count(
                "milestones", filter=Q(milestones__done_on__gt=F("milestones__due_on"))
            ),
            first_open_due=Min("milestones__due_on", filter=Q(milestones__done_on__isnull=True)),
        )
    }
    for pilot in pilots_with_evidence(pilots.only("pk", "provenance")):
        evidence, row = pilot_evidence(pilot), figures[pilot.pk]
        row.evidence_records, row.evidence_reported = evidence.records, evidence.reported
        row.evidence_evaluated, row.evidence_completed = evidence.evaluated, evidence.completed
        row.evidence_readings, row.evidence_approved = evidence.readings, evidence.approved
    kpis = (
        KPI.objects.filter(pilot__in=ids)
        .with_latest_reading()
        .annotate(progress=KPI.progress_expression("latest_value", "latest_target"))
    )
    for kpi in kpis:
        row = figures[kpi.pilot_id]
        row.kpis += 1
        if kpi.latest_value is not None:
            row.kpis_reported += 1
        if kpi.progress is not None:
            row.progress_sum += kpi.progress
            row.progress_kpis += 1
            row.kpis_met += kpi.progress >= 100
        if kpi.latest_period and (row.last_period is None or kpi.latest_period > row.last_period):
            row.last_period = kpi.latest_period
        status = kpi.status_against_target(kpi.latest_value, period_target=kpi.latest_target)
        if status is not None:
            field = KPI_STATUS_FIELDS[status]
            setattr(row, field, getattr(row, field) + 1)
    statuses = (
        KPIReading.objects.filter(kpi__pilot__in=ids)
        .values_list("kpi__pilot_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for pilot_id, status, n in statuses:
        setattr(figures[pilot_id], READING_FIELDS[status], n)
    return list(figures.values())


def pilot_figures_refresh(pilot_ids: Iterable[int]) -> int:
    """Compute and store the figures of `pilot_ids`; returns how many rows were written."""
    rows = pilot_figures_compute(pilot_ids)
    PilotFigures.objects.bulk_create(
        rows, batch_size=BATCH, update_conflicts=True, unique_fields=["pilot"],
        update_fields=UPDATED,
    )  # fmt: skip
    return len(rows)


def pilot_figures_ensure(pilots: QuerySet) -> int:
    """Compute the figures of those of `pilots` that have none."""
    missing = list(pilots.filter(figures__isnull=True).values_list("pk", flat=True))
    for start in range(0, len(missing), BATCH):  # bounded memory after a deploy or a seed
        pilot_figures_refresh(missing[start : start + BATCH])
    return len(missing)


def pilot_figures_forget(pilot_ids: Iterable[int]) -> None:
    """The records of `pilot_ids` changed: drop their figures (a visit computes missing
    ones; `pilots.dashboard.cache` computes them again once the change commits)."""
    PilotFigures.objects.filter(pilot_id__in=list(pilot_ids)).delete()
