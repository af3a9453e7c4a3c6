"""Readings of a KPI split by categories, written the one way readings are written."""

import datetime as dt
from decimal import Decimal

from pilots.models import KPIReading
from pilots.readings.write import readings_write


def reading_with_parts(kpi, start: dt.date, total, parts: list, *, approved=False, reason=""):
    """A reading of `kpi` for `start` with `parts`, in the order of its categories."""
    categories = list(kpi.split_by.categories.all())
    given = {c.pk: Decimal(v) for c, v in zip(categories, parts, strict=False) if v is not None}
    details = {"parts": given, "parts_reason": reason}
    readings_write({(kpi.pk, start): (Decimal(total), "", details)})
    reading = KPIReading.objects.get(kpi=kpi, period_start=start)
    if approved:
        KPIReading.objects.filter(pk=reading.pk).update(status=KPIReading.Status.APPROVED)
        reading.refresh_from_db()
    return reading


def parts_of(reading) -> list:
    """The reading's parts as (category, value), in the list's order."""
    return [(p.category.name, p.value) for p in reading.parts.select_related("category")]
