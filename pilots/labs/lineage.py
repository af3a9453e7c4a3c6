"""Practice lineage: which pilot adapted which, across boroughs and Labs.

`Pilot.adapted_from` holds the link; these read it in one query for a whole listing. The
public sees a link only when both pilots are published (`published_only`)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from pilots.models import Pilot


@dataclass(frozen=True)
class Adaptation:
    """One pilot adapted from another, with what changed."""

    pilot_id: int
    title: str
    borough: str
    lab: str
    lab_year: int
    source_id: int
    source_title: str
    source_borough: str
    source_lab: str
    source_lab_year: int
    what_changed: str
    published: bool  # both pilots published: the public may see the link

    @property
    def across_boroughs(self) -> bool:
        return self.borough != self.source_borough


_FIELDS = (
    "pk", "title", "borough__name", "lab__name", "lab__starts_on", "adapted_from_id",
    "adapted_from__title", "adapted_from__borough__name", "adapted_from__lab__name",
    "adapted_from__lab__starts_on", "adaptation_note", "live", "adapted_from__live",
)  # fmt: skip


def adapted_pilots(*, published_only: bool) -> QuerySet[Pilot]:
    """Pilots adapted from another; with `published_only`, both ends published."""
    pilots = Pilot.objects.filter(adapted_from__isnull=False)
    if published_only:
        pilots = pilots.published().filter(adapted_from__live=True)
    return pilots


def lineage_rows(*, published_only: bool) -> list[Adaptation]:
    """Every adaptation, by the source's Lab and borough, then the adapting pilot's: the
    lineage across Labs, in one query."""
    rows = (
        adapted_pilots(published_only=published_only)
        .order_by(
            "adapted_from__lab__starts_on",
            "adapted_from__borough__name",
            "adapted_from__title",
            "lab__starts_on",
            "borough__name",
            "title",
        )  # fmt: skip
        .values_list(*_FIELDS)
    )
    return [
        Adaptation(
            pilot_id=pk, title=title, borough=borough, lab=lab, lab_year=starts.year,
            source_id=source_id, source_title=source_title, source_borough=source_borough,
            source_lab=source_lab, source_lab_year=source_starts.year,
            what_changed=note, published=live and source_live,
        )  # fmt: skip
        for (pk, title, borough, lab, starts, source_id, source_title, source_borough,
             source_lab, source_starts, note, live, source_live) in rows
    ]  # fmt: skip
