"""What a borough owes: the items on an officer's admin home page and in reminders.

Each function costs a fixed number of queries whatever the number of pilots and KPIs.
"""

import datetime as dt
from dataclasses import dataclass

from designlab.models import Borough
from pilots.evaluation_gate import DELIVERY_ON, evaluation_plan_exists
from pilots.models import KPI, KPIReading, Milestone, Pilot, SharedResource
from pilots.periods import kpi_due_periods, period_end

RETURN_GRACE = dt.timedelta(days=14)  # a reading is overdue two weeks after its period ends


@dataclass
class MissingReading:
    pilot: Pilot
    kpi: KPI
    period_start: dt.date

    @property
    def overdue_from(self) -> dt.date:
        return period_end(self.period_start, self.kpi.frequency) + RETURN_GRACE


def missing_readings(borough: Borough, today: dt.date) -> list[MissingReading]:
    """KPI periods of the borough's pilots that have ended without a reading."""
    pilots = Pilot.objects.filter(borough=borough).prefetch_related("kpis")
    recorded = set(
        KPIReading.objects.filter(kpi__pilot__borough=borough).values_list("kpi_id", "period_start")
    )
    return [
        MissingReading(pilot, kpi, start)
        for pilot in pilots
        for kpi in pilot.kpis.all()
        for start in kpi_due_periods(kpi, pilot, today)
        if (kpi.pk, start) not in recorded
    ]


def overdue_readings(borough: Borough, today: dt.date) -> list[MissingReading]:
    return [m for m in missing_readings(borough, today) if m.overdue_from < today]


def overdue_milestones(borough: Borough, today: dt.date) -> list[Milestone]:
    return list(
        Milestone.objects.filter(
            pilot__borough=borough, due_on__lt=today, done_on__isnull=True
        ).select_related("pilot")
    )


def pilots_without_evaluation_plan(borough: Borough) -> list[Pilot]:
    """Pilots in delivery with neither an evaluation plan nor a convenor's override."""
    pilots = Pilot.objects.filter(
        borough=borough, stage__in=DELIVERY_ON, evaluation_override_reason=""
    ).prefetch_related("evaluations")
    return [p for p in pilots if not evaluation_plan_exists(p.evaluations.all())]


def resources_awaiting_review(borough: Borough | None) -> list[SharedResource]:
    """Resources offered to the public and not yet approved; every borough's when None."""
    resources = SharedResource.objects.filter(
        visibility=SharedResource.Visibility.PUBLIC, approved_at__isnull=True
    ).select_related("borough")
    return list(resources if borough is None else resources.filter(borough=borough))
