"""KPI readings entered one at a time, and progress towards a KPI's target."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from wagtail.log_actions import log

from pilots.models import KPI, KPIReading
from pilots.returns_import import readings_write


def reading_save(*, kpi: KPI, period_start: dt.date, value: Decimal, note: str, user) -> str:
    """Record one reading (the caller has checked the period); an edit keeps a revision.
    Returns "created", "updated" or "unchanged"."""
    with transaction.atomic():
        created, updated, _ = readings_write({(kpi.pk, period_start): (value, note)}, user=user)
        outcome = "created" if created else "updated" if updated else "unchanged"
        if outcome != "unchanged":
            reading = KPIReading.objects.get(kpi=kpi, period_start=period_start)
            log(reading, "wagtail.create" if created else "wagtail.edit", user=user)
    return outcome


def progress_to_target(kpi: KPI, value: Decimal | None) -> int | None:
    """How far `value` has come from the baseline towards the target, in percent (0 at
    the baseline, 100 at the target, beyond 100 when it is passed); None without both."""
    if value is None or kpi.baseline is None or kpi.target is None or kpi.target == kpi.baseline:
        return None
    return round((value - kpi.baseline) / (kpi.target - kpi.baseline) * 100)
