"""The rows of a return for a KPI split by categories (`KPI.split_by`): in the template,
one row per category below each total's row; on upload, checked with the rest of the file
(all or nothing) and given to the reading as its parts (`pilots.readings.parts`).

Everything is looked up in dictionaries loaded once per file, so a large return costs no
more queries than a small one."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from cms.cells import cell_safe
from designlab.models import Borough, Category
from pilots.models import KPI, KPIReading, ReadingPart
from pilots.readings.parts import Parts, parts_problem, recorded_parts
from pilots.readings.write import reading_differs, reading_locked_message
from pilots.returns.layout import CATEGORY, COLUMNS, PARTS_REASON

Key = tuple[int, dt.date]
Report = Callable[[str, str, int], None]  # (message, column name, row number)


def parts_of_borough(borough: Borough) -> dict[Key, Parts]:
    """The recorded parts of the borough's readings by (KPI id, period start)."""
    found: dict[Key, Parts] = defaultdict(dict)
    rows = ReadingPart.objects.filter(reading__kpi__pilot__borough=borough).values_list(
        "reading__kpi_id", "reading__period_start", "category_id", "value"
    )
    for kpi_id, start, category_id, value in rows:
        found[(kpi_id, start)][category_id] = value
    return found


def category_rows(kpi: KPI, total_row: list, parts: Parts) -> list[list]:
    """The template's rows of `kpi`'s categories below its total's row `total_row`: the
    identifying cells repeated, the category's recorded part in Value, the rest empty.
    `kpi.split_by.categories` is prefetched."""
    if kpi.split_by is None:
        return []
    value_at, category_at = COLUMNS.index("Value"), COLUMNS.index(CATEGORY)
    rows = []
    for category in kpi.split_by.categories.all():
        row = [
            *total_row[:value_at],
            parts.get(category.pk),
            *[None] * (len(COLUMNS) - value_at - 1),
        ]
        row[category_at] = cell_safe(category.name)
        rows.append(row)
    return rows


class CategoryRows:
    """The category rows of one return, gathered as they are read, then checked against
    their totals and attached to the readings (`attach`)."""

    def __init__(self, kpis: dict[int, KPI], report: Report):
        self.report = report
        split = {kpi.split_by_id for kpi in kpis.values() if kpi.split_by_id}
        self.categories: dict[int, dict[str, int]] = defaultdict(dict)  # by breakdown
        self.names: dict[int, list[str]] = defaultdict(list)
        for pk, breakdown_id, name in Category.objects.filter(breakdown__in=split).values_list(
            "pk", "breakdown_id", "name"
        ):
            self.categories[breakdown_id][name.strip().casefold()] = pk
            self.names[breakdown_id].append(name)
        self.given: dict[Key, Parts] = defaultdict(dict)
        self.row_of: dict[tuple[Key, int], int] = {}
        self.first_row: dict[Key, int] = {}

    def add(self, kpi: KPI, start: dt.date, raw: object, value: Decimal | None, number: int):
        """A category row: KPI, period, the Category cell and its value (None when empty,
        or when its problem is already reported)."""
        if not kpi.split_by_id:
            self.report(f"“{kpi.name}” is not split by categories: leave {CATEGORY} empty.",
                        CATEGORY, number)  # fmt: skip
            return
        category = self.categories[kpi.split_by_id].get(str(raw).strip().casefold())
        if category is None:
            listed = ", ".join(f"“{n}”" for n in self.names[kpi.split_by_id])
            self.report(f"“{raw}” is not one of the categories of “{kpi.name}” ({listed}). Use "
                        "the rows of the template without changing this column.",
                        CATEGORY, number)  # fmt: skip
            return
        key = (kpi.pk, start)
        if (key, category) in self.row_of:
            self.report(f"This category of this KPI and period is already on row "
                        f"{self.row_of[(key, category)]}.", CATEGORY, number)  # fmt: skip
            return
        self.row_of[(key, category)] = number
        self.first_row.setdefault(key, number)
        if value is not None:
            self.given[key][category] = value

    def attach(
        self,
        readings: dict,
        kpis: dict[int, KPI],
        first_row: dict,
        reasons: dict,
        reason_read: bool,
    ) -> None:
        """Check each split reading's parts against its total and put them in its details
        (`pilots.readings.parts`); `first_row` holds each reading's row and `reasons` why
        its categories do not add up. A file without the Category column leaves every
        recorded part alone."""
        for key, number in self.first_row.items():
            if key not in readings and self.given.get(key):
                self.report(f"Categories are given for “{kpis[key[0]].name}” in this period but "
                            "not its total: type the total in the row without a category.",
                            "Value", number)  # fmt: skip
        split = {key: entry for key, entry in readings.items() if kpis[key[0]].split_by_id}
        self._locked_check(split, kpis, first_row, reasons)
        for key, (value, note, details) in split.items():
            parts, reason = dict(self.given.get(key, {})), reasons.get(key, "").strip()
            if problem := parts_problem(kpis[key[0]], value, parts, reason):
                self.report(problem, PARTS_REASON if reason_read else "Value", first_row[key])
            # A copy: readings with the same story share one dict of details.
            readings[key] = (value, note, {**details, "parts": parts, "parts_reason": reason})

    def _locked_check(self, split: dict, kpis: dict, first_row: dict, reasons: dict) -> None:
        """An approved reading is locked with its parts: a file changing only its parts
        (a change to the rest is reported with the other locked rows) is refused too."""
        approved = list(
            KPIReading.objects.filter(
                kpi_id__in={k for k, _ in split},
                period_start__in={s for _, s in split},
                status=KPIReading.Status.APPROVED,
            )
        )
        approved = [r for r in approved if (r.kpi_id, r.period_start) in split]
        recorded = recorded_parts(approved)
        for reading in approved:
            key = (reading.kpi_id, reading.period_start)
            kpi, number, reason = kpis[key[0]], first_row[key], reasons.get(key, "").strip()
            if reading_differs(reading, *split[key]):
                continue
            if recorded.get(reading.pk, {}) != self.given.get(key, {}) or (
                reading.parts_reason != reason
            ):
                self.report(reading_locked_message(kpi, reading.period_start), "Value", number)
