"""Readings as a convenor has approved them: what the public counts. A test that needs a
reading on a public surface approves it here rather than by hand."""

import datetime as dt
from decimal import Decimal

from pilots.models import KPI, KPIReading


def approved(*readings: KPIReading) -> list[KPIReading]:
    """Mark `readings` approved (as a convenor's review would) and return them refreshed."""
    KPIReading.objects.filter(pk__in=[r.pk for r in readings]).update(
        status=KPIReading.Status.APPROVED
    )
    for reading in readings:
        reading.refresh_from_db()
    return list(readings)


def reading_add(
    kpi: KPI, start: dt.date, value: int | str, status: str = KPIReading.Status.SUBMITTED
) -> KPIReading:
    return KPIReading.objects.create(
        kpi=kpi, period_start=start, value=Decimal(str(value)), status=status
    )


def reopened(readings) -> None:
    """Unlock the approved `readings` (a queryset), as a convenor reopening them would, so
    that a test can correct them."""
    readings.update(status=KPIReading.Status.RETURNED, review_comment="Reopened for a test.")
