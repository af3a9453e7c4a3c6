"""A reading's parts, one value per category of its KPI's breakdown (`KPI.split_by`): the
one rule on their sum, and their writing, which `readings_write` does with the readings.

A reading to write may carry its parts in its details, as {"parts": {category id: value}}:
they then replace the recorded parts whole (a category left out has no part). Without
"parts" the recorded parts are left alone, as a note of None leaves the note.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from pilots.models import KPI, KPIReading, ReadingPart
from pilots.readings.inserts import rows_insert

CENTS = Decimal("0.01")
Key = tuple[int, dt.date]
Parts = dict[int, Decimal]  # category id → value


def parts_problem(kpi: KPI, total: Decimal, parts: Parts, reason: str) -> str | None:
    """Why the parts of a count cannot stand beside its total, or None: a count's categories
    add up to its total, or the officer says why not (people who did not say, say). Parts of
    a percentage, pounds, hours or a score need not add up. No parts at all is no breakdown."""
    if kpi.unit != KPI.Unit.COUNT or not parts or reason.strip():
        return None
    added = sum(parts.values(), Decimal(0))
    if added == total:
        return None
    shown = KPI.figure_shown
    return (
        f"The categories of “{kpi.name}” add up to {shown(added)}, not the total "
        f"{shown(total)}. Correct them, or say why they do not add up (for example, people "
        "who did not say)."
    )


def parts_split(readings: dict) -> tuple[dict, dict[Key, Parts]]:
    """`readings` (as `readings_write` takes them) without their "parts", and the parts by
    (KPI id, period start). A reading without "parts" in its details is passed as it is."""
    parts, plain = {}, None
    for key, (value, note, *more) in readings.items():
        if more and "parts" in more[0]:
            if plain is None:
                plain = dict(readings)
            details = dict(more[0])
            parts[key] = {c: v.quantize(CENTS) for c, v in details.pop("parts").items()}
            plain[key] = (value, note, details)
    return (readings if plain is None else plain), parts


def recorded_parts(readings: list[KPIReading | int]) -> dict[int, Parts]:
    """The recorded parts of `readings` (or of these reading ids) by reading id, in one query."""
    found: dict[int, Parts] = defaultdict(dict)
    ids = [r if isinstance(r, int) else r.pk for r in readings]
    rows = ReadingPart.objects.filter(reading__in=ids).values_list(
        "reading_id", "category_id", "value"
    )
    for reading_id, category_id, value in rows:
        found[reading_id][category_id] = value
    return found


def parts_changed(parts: dict[Key, Parts], ids: dict[Key, int]) -> set[Key]:
    """The keys of `parts` whose recorded reading (id by key in `ids`) has other parts."""
    if not ids:
        return set()
    recorded = recorded_parts(list(ids.values()))
    return {key for key in parts if key in ids and recorded.get(ids[key], {}) != parts[key]}


def parts_write(parts: dict[Key, Parts]) -> None:
    """Replace the recorded parts of the readings of `parts` (written already) with these;
    in bulk, inside the caller's transaction."""
    if not parts:
        return
    ids = {
        (kpi_id, start): pk
        for pk, kpi_id, start in KPIReading.objects.filter(
            kpi_id__in={k for k, _ in parts}, period_start__in={s for _, s in parts}
        ).values_list("pk", "kpi_id", "period_start")
        if (kpi_id, start) in parts
    }
    ReadingPart.objects.filter(reading_id__in=ids.values()).delete()
    rows = [
        (ids[key], category_id, value)
        for key, given in parts.items()
        for category_id, value in given.items()
    ]
    rows_insert(ReadingPart, ["reading", "category", "value"], rows)
