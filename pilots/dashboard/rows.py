"""One row of the dashboard: a borough of the Lab and what its published pilots show."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from pilots.models import KPI

STALE_AFTER_DAYS = 90


@dataclass
class BoroughRow:
    pk: int
    name: str
    pilots: int = 0
    stages: dict = field(default_factory=dict)
    slipped: int = 0
    last_update: dt.datetime | None = None  # the latest change to one of its pilots
    last_period: dt.date | None = None  # the latest period any of its KPIs reported
    evaluated: int = 0
    evaluation_planned: int = 0
    with_kpi: int = 0
    with_reading: int = 0
    with_milestone: int = 0
    with_lesson: int = 0
    with_partner: int = 0
    kpis: int = 0
    kpis_reported: int = 0
    kpis_met: int = 0
    kpi_progress: float | None = None
    readings: dict = field(default_factory=dict)  # status → how many readings
    reading_counts: list[int] = field(default_factory=list)  # in status order, for the table
    attended: dict = field(default_factory=dict)
    stage_counts: list[int] = field(default_factory=list)  # in Stage order, for the table
    attended_counts: list[int] = field(default_factory=list)  # in session-kind order
    shared: int = 0
    reused: int = 0

    @property
    def progress_shown(self) -> int | None:
        """The average progress of its KPIs to target, as every page shows progress."""
        return None if self.kpi_progress is None else KPI.percent_shown(self.kpi_progress)

    @property
    def completeness(self) -> int | None:
        """Share of five things every pilot should have, in per cent."""
        if not self.pilots:
            return None
        filled = self.with_kpi + self.with_reading + self.with_milestone + self.with_lesson
        return round(100 * (filled + self.with_partner) / (5 * self.pilots))

    @property
    def stale(self) -> bool:
        """Neither a pilot changed nor a KPI period reported within STALE_AFTER_DAYS."""
        since = timezone.now() - dt.timedelta(days=STALE_AFTER_DAYS)
        changed = self.last_update is not None and self.last_update >= since
        reported = self.last_period is not None and self.last_period >= since.date()
        return not (changed or reported)
