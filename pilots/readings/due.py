"""The readings a borough owes: on an officer's admin home page and in reminders.

Each function costs a fixed number of queries whatever the number of pilots and KPIs.
"""

import datetime as dt
from dataclasses import dataclass

from designlab.models import Borough
from pilots.models import KPI, KPIReading, Pilot
from pilots.readings.periods import kpi_due_periods, period_end

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
