"""Open data: per-borough aggregates of the published records, as CSV and JSON, under the
Open Government Licence v3.0. Counts of records are exact; a table that counts people hides
small counts and the totals that contain them (`toolkit.suppression`)."""

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count

from cms.cells import CSV_BOM, cell_safe
from pilots.models import Evaluation, KPIReading, Pilot, ReadingPart, Stage
from toolkit.cache import generation_cached
from toolkit.published import (
    READING_FIELDS,
    published_readings,
    reading_public,
    readings_broken_down,
    readings_hidden,
)
from toolkit.suppression import suppress_table, threshold, with_totals

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "attribution": "Contains public sector information licensed under the Open Government "
    "Licence v3.0.",
}
SUPPRESSED = "[c]"  # the ONS marker for a confidential (suppressed) cell


@dataclass(frozen=True)
class Table:
    columns: list[str]  # value columns; a "Total" column follows them
    rows: list[tuple[str, str, list[int | None]]]  # borough, GSS code, values then total
    total: list[int | None]  # the "All boroughs" row


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    counts: Callable[[], tuple[list[tuple[str, str]], list[str], dict]]
    # Counts of records (pilots, evaluations, readings) are exact; counts of people are
    # masked (`toolkit.suppression`).
    counts_people: bool = False

    def build(self) -> Table:
        """The table, suppressed; built once per generation (it changes only on publish),
        since it aggregates every published reading."""
        return generation_cached(f"open-data:{self.slug}", self._build)

    def _build(self) -> Table:
        boroughs, columns, counts = self.counts()
        keys = ["borough", "column"]
        cells = [
            {"borough": code, "column": column, "n": counts.get((code, column), 0)}
            for _, code in boroughs
            for column in columns
        ]
        rows = with_totals(cells, keys, "n")
        if self.counts_people:
            rows = suppress_table(rows, keys, "n")
        value = {(row["borough"], row["column"]): row["n"] for row in rows}

        def line(code: str | None) -> list[int | None]:
            # With no boroughs at all there are no cells, and every total is 0.
            return [value.get((code, column), 0) for column in [*columns, None]]

        return Table(
            columns=columns,
            rows=[(name, code, line(code)) for name, code in boroughs],
            total=line(None),
        )


def _grouped(queryset, borough_path: str, column_path: str | None, columns: list[str]):
    """(boroughs, column labels, {(gss_code, column label): count}) in one query."""
    fields = [f"{borough_path}__name", f"{borough_path}__gss_code"]
    if column_path:
        fields.append(column_path)
    rows = queryset.values(*fields).annotate(n=Count("pk", distinct=True)).order_by()
    boroughs = sorted({(r[fields[0]], r[fields[1]]) for r in rows})
    labels = dict(columns) if column_path else {None: columns[0][1]}
    counts = {}
    for r in rows:
        label = labels[r[column_path] if column_path else None]
        counts[(r[fields[1]], label)] = counts.get((r[fields[1]], label), 0) + r["n"]
    return boroughs, [label for _, label in columns], counts


def _pilots_by_stage():
    return _grouped(Pilot.objects.published(), "borough", "stage", list(Stage.choices))


def _evaluations_by_status():
    return _grouped(
        Evaluation.objects.published(),
        "pilot__borough",
        "status",
        list(Evaluation.Status.choices),
    )


def _kpi_readings():
    return _grouped(
        KPIReading.objects.published(),
        "kpi__pilot__borough",
        None,
        [(None, "KPI readings")],
    )


DATASETS = {
    d.slug: d
    for d in [
        Dataset("pilots-by-stage", "Published pilots by stage",
                "Pilot initiatives published on the tracker, per borough and stage.",
                _pilots_by_stage),
        Dataset("evaluations-by-status", "Pilot evaluations by status",
                "Evaluations of published pilots, per borough and status.",
                _evaluations_by_status),
        Dataset("kpi-readings", "KPI readings recorded",
                "Readings recorded against the KPIs of published pilots, per borough.",
                _kpi_readings),
    ]
}  # fmt: skip


def _cell(value: int | None) -> str | int:
    return SUPPRESSED if value is None else value


def dataset_csv(dataset: Dataset) -> str:
    table = dataset.build()
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["borough", "gss_code", *table.columns, "Total"])
    for name, code, values in table.rows:
        writer.writerow([cell_safe(name), cell_safe(code), *map(_cell, values)])
    writer.writerow(["All boroughs", "", *map(_cell, table.total)])
    return out.getvalue()


def suppression_note(dataset: Dataset) -> dict:
    if not dataset.counts_people:
        return {
            "threshold": None,
            "note": "Counts of records (pilots, evaluations, readings), not of people: every "
            "figure is exact.",
        }
    return {
        "threshold": threshold(),
        "note": f"Counts of people from 1 to {threshold() - 1} are suppressed (null), and so "
        "is every total that includes a suppressed count.",
    }


def dataset_json(dataset: Dataset) -> dict:
    table = dataset.build()
    keys = [*table.columns, "Total"]
    return {
        "dataset": dataset.slug,
        "title": dataset.title,
        "description": dataset.description,
        "licence": LICENCE,
        "suppression": suppression_note(dataset),
        "columns": keys,
        "rows": [
            {"borough": name, "gss_code": code, "values": dict(zip(keys, values, strict=True))}
            for name, code, values in table.rows
        ],
        "all_boroughs": dict(zip(keys, table.total, strict=True)),
    }


# The table of approved readings, the same as the API's /readings/: one row per reading.
@dataclass(frozen=True)
class RowsFile:
    """A file of rows rather than a table of counts per borough."""

    slug: str
    title: str
    description: str


READINGS = RowsFile(
    "readings", "Approved KPI readings",
    "Every approved reading of the KPIs of published pilots, by pilot, KPI and period. "
    "A count below the disclosure threshold is withheld.",
)  # fmt: skip
READINGS_CHUNK = 2_000


def readings_csv_lines() -> Iterator[str]:
    """The readings table as CSV, a line at a time: it may hold many thousands of rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")

    def line(row: list) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        return out.getvalue()

    yield line([*READING_FIELDS, "suppressed"])
    hidden = readings_hidden()
    for row in published_readings().iterator(chunk_size=READINGS_CHUNK):
        reading = reading_public(row, hidden)
        yield line(
            [cell_safe(str(v)) if isinstance(v, str) else _reading_cell(v)
             for v in reading.values()]
        )  # fmt: skip


def _reading_cell(value) -> str | int:
    if value is None:
        return SUPPRESSED
    return str(value).lower() if isinstance(value, bool) else value


def _numbers(breakdown: dict) -> dict:
    """A breakdown's values as numbers, as in the API."""
    for item in breakdown["values"]:
        item["value"] = None if item["value"] is None else float(item["value"])
    return breakdown


def readings_json_chunks() -> Iterator[str]:
    """The readings table as JSON, written a chunk at a time."""
    head = {
        "dataset": READINGS.slug,
        "title": READINGS.title,
        "description": READINGS.description,
        "licence": LICENCE,
        "suppression": {
            "threshold": threshold(),
            "note": f"A count KPI's value from 1 to {threshold() - 1} is withheld (null, "
            "with suppressed true), and so is a value fewer than that many away from the KPI's "
            "baseline or an earlier value shown: the difference would count people.",
        },
    }
    yield json.dumps(head, indent=2)[:-2] + ',\n  "rows": ['
    first = True
    hidden = readings_hidden()
    broken_down = readings_broken_down(None, hidden)
    for row in published_readings().iterator(chunk_size=READINGS_CHUNK):
        reading = reading_public(row, hidden)
        if reading["value"] is not None:
            reading["value"] = float(reading["value"])  # a number, as in the API
        breakdown = broken_down.get((reading["kpi"], reading["period_start"]))
        reading["categories"] = breakdown and _numbers(breakdown.public())
        text = json.dumps(reading, cls=DjangoJSONEncoder)
        yield ("\n    " if first else ",\n    ") + text
        first = False
    yield "\n  ]\n}\n"


# The categories of approved readings of KPIs split by categories: one row per category.
READING_PARTS = RowsFile(
    "reading-categories", "Approved KPI readings by category",
    "The values per category (age band, say) of approved readings of KPIs split by "
    "categories. Where a category's count of people is below the disclosure threshold, "
    "every category of that reading is withheld.",
)  # fmt: skip
# A reading's own value is in the readings table, beside it.
PART_FIELDS = [*(f for f in READING_FIELDS if f != "value"), "breakdown", "category", "value",
               "suppressed"]  # fmt: skip


def reading_parts_rows() -> Iterator[dict]:
    """One dict of PART_FIELDS per category of each approved, broken-down reading."""
    hidden = readings_hidden()
    broken_down = readings_broken_down(None, hidden)
    readings = published_readings().filter(pk__in=ReadingPart.objects.published().values("reading"))
    for row in readings.iterator(chunk_size=READINGS_CHUNK):
        reading = reading_public(row, hidden)
        breakdown = broken_down.get((reading["kpi"], reading["period_start"]))
        if breakdown is None:
            continue
        for category, value in breakdown.parts:
            part = {**reading, "breakdown": breakdown.name, "category": category,
                    "value": value, "suppressed": breakdown.withheld}  # fmt: skip
            yield {field: part[field] for field in PART_FIELDS}


def reading_parts_csv_lines() -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")

    def line(row: list) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        return out.getvalue()

    yield line(PART_FIELDS)
    for part in reading_parts_rows():
        yield line(
            [cell_safe(v) if isinstance(v, str) else _reading_cell(v) for v in part.values()]
        )


def reading_parts_json_chunks() -> Iterator[str]:
    head = {
        "dataset": READING_PARTS.slug,
        "title": READING_PARTS.title,
        "description": READING_PARTS.description,
        "licence": LICENCE,
        "suppression": {
            "threshold": threshold(),
            "note": "A reading's categories are withheld together (null, with suppressed "
            f"true) when one of them, or what they leave out of the total, counts 1 to "
            f"{threshold() - 1} people, when one is fewer than {threshold()} people away "
            "from an earlier figure shown, or when the reading itself is withheld.",
        },
    }
    yield json.dumps(head, indent=2)[:-2] + ',\n  "rows": ['
    first = True
    for part in reading_parts_rows():
        if part["value"] is not None:
            part["value"] = float(part["value"])
        yield ("\n    " if first else ",\n    ") + json.dumps(part, cls=DjangoJSONEncoder)
        first = False
    yield "\n  ]\n}\n"
