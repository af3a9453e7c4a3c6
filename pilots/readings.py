"""KPI readings entered one at a time, and progress towards a KPI's target."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Revision

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


def reading_earlier_values(readings: Iterable[KPIReading]) -> dict[int, list[Revision]]:
    """The values each corrected reading had before, oldest first, by reading id."""
    by_pk = {r.pk: r for r in readings if r.latest_revision_id}
    if not by_pk:
        return {}
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(KPIReading),
        object_id__in=[str(pk) for pk in by_pk],
    ).order_by("created_at", "pk")
    earlier = defaultdict(list)
    for revision in revisions:
        if revision.pk != by_pk[int(revision.object_id)].latest_revision_id:
            revision.value = Decimal(revision.content["value"])
            earlier[int(revision.object_id)].append(revision)
    return dict(earlier)
