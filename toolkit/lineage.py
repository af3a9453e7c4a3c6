"""Practice lineage as the public sees it: a pilot's source and the pilots that adapted it,
only where both are published (`pilots.labs.lineage` lists it across Labs)."""

from django.db.models import Prefetch, QuerySet

from pilots.models import Pilot


def with_public_lineage(pilots: QuerySet[Pilot]) -> QuerySet[Pilot]:
    """`pilots` with their source and their published adaptations loaded (two queries for
    any number of pilots): read them with `public_source` and `public_adaptations`."""
    adaptations = (
        Pilot.objects.published()
        .select_related("borough", "lab")
        .order_by("lab__starts_on", "borough__name", "title")
    )
    return pilots.select_related("adapted_from__borough", "adapted_from__lab").prefetch_related(
        Prefetch("adaptations", queryset=adaptations, to_attr="published_adaptations")
    )


def public_source(pilot: Pilot) -> Pilot | None:
    """The published pilot `pilot` was adapted from, or None."""
    source = pilot.adapted_from
    return source if source is not None and source.live else None


def public_adaptations(pilot: Pilot) -> list[Pilot]:
    """The published pilots adapted from `pilot`."""
    return pilot.published_adaptations
