"""What a corrected reading was before."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Revision

from pilots.models import KPIReading


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
