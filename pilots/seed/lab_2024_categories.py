"""The 2024 Lab's disaggregation, illustrative: the convenors' category lists, three count
KPIs split by one, and their approved readings' values per category. One category of one
KPI is small, so that the public pages show its reading's categories withheld.

Idempotent: lists, KPIs already split and readings that have parts are left as they are.
"""

from decimal import ROUND_DOWN, Decimal

from designlab.models import Breakdown, Category, Lab, Provenance
from pilots.models import KPI, KPIReading, Pilot, ReadingPart
from pilots.seed.data.lab_2024 import NOTE

BREAKDOWNS = {
    "Age band": ["Under 18", "18 to 24", "25 to 34", "35 to 49", "50 and over"],
    "Gender": ["Woman", "Man", "In another way, or prefers not to say"],
    "First language": ["Arabic", "Dari or Pashto", "Farsi", "Kurdish", "Tigrinya", "Another"],
    "Months in the UK": ["Under 3", "3 to 11", "12 or more"],
}
# KPI name → (list, each category's share of the reading; the last takes the rest). The
# shares keep each category's monthly change at 10 or more, so that the public pages show
# them (`toolkit.suppression.suppress_series`), but for the small category of under-18s.
SPLITS = {
    "Welcome packs handed out": ("Months in the UK", [Decimal("0.34"), Decimal("0.33")]),
    "Residents attending open house sessions": ("Gender", [Decimal("0.52"), Decimal("0.48")]),
    # A few under-18s among adults: the small category the public pages withhold.
    "Residents attending conversation clubs": (
        "Age band",
        [Decimal("0.05"), Decimal("0.4"), Decimal("0.3"), Decimal("0.2")],
    ),
}


def lab_2024_categories_ensure(lab: Lab) -> None:
    lists = {name: _breakdown_ensure(name, categories) for name, categories in BREAKDOWNS.items()}
    for kpi_name, (list_name, shares) in SPLITS.items():
        kpi = KPI.objects.filter(pilot__lab=lab, name=kpi_name).select_related("pilot").first()
        if kpi is None:
            continue
        breakdown = lists[list_name]
        if kpi.split_by_id is None:
            _kpi_split(kpi.pilot_id, kpi.pk, breakdown)
        _parts_ensure(kpi, list(breakdown.categories.all()), shares)


def _breakdown_ensure(name: str, categories: list[str]) -> Breakdown:
    breakdown = Breakdown.objects.filter(name=name).first()
    if breakdown is None:
        breakdown = Breakdown(
            name=name, provenance=Provenance.ILLUSTRATIVE, source_note=NOTE,
            description="Illustrative: a list a convenor might keep.",
        )  # fmt: skip
        breakdown.categories = [Category(name=c, sort_order=i) for i, c in enumerate(categories)]
        breakdown.save()
    return breakdown


def _kpi_split(pilot_id: int, kpi_id: int, breakdown: Breakdown) -> None:
    """Split the KPI through a published revision of its pilot, as a convenor would: the
    pilot's edit form starts from its latest revision."""
    pilot = Pilot.objects.get(pk=pilot_id)
    pilot = pilot.get_latest_revision_as_object() if pilot.latest_revision_id else pilot
    kpis = list(pilot.kpis.all())  # each call builds new objects from the revision
    for kpi in kpis:
        if kpi.pk == kpi_id:
            kpi.split_by = breakdown
    pilot.kpis = kpis
    pilot.save_revision().publish()


def _parts_ensure(kpi: KPI, categories: list[Category], shares: list[Decimal]) -> None:
    readings = KPIReading.objects.filter(kpi=kpi, status=KPIReading.Status.APPROVED).exclude(
        parts__isnull=False
    )
    parts = []
    for reading in readings:
        values = [(reading.value * share).quantize(Decimal(1), ROUND_DOWN) for share in shares]
        values += [Decimal(0)] * (len(categories) - 1 - len(values))
        values.append(reading.value - sum(values))
        parts += [
            ReadingPart(reading=reading, category=c, value=v)
            for c, v in zip(categories, values, strict=True)
        ]
    ReadingPart.objects.bulk_create(parts)
