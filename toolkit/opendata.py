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
from designlab.models import SharedIndicator
from pilots.models import Evaluation, KPIReading, Pilot, Stage
from toolkit.cache import generation_cached
from toolkit.indicators import indicators_public
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

    def json(self, rows: list[dict], **more: object) -> dict:
        """The file as JSON: what it is, its licence, anything `more`, then its rows."""
        about = {"dataset": self.slug, "title": self.title, "description": self.description}
        return {**about, "licence": LICENCE, **more, "rows": rows}


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
        reading["categories"] = breakdown and breakdown.public(numbers=True)
        text = json.dumps(reading, cls=DjangoJSONEncoder)
        yield ("\n    " if first else ",\n    ") + text
        first = False
    yield "\n  ]\n}\n"


# Practice lineage: one row per published pilot adapted from another published pilot.
LINEAGE = RowsFile(
    "lineage", "Practice lineage",
    "Each published pilot adapted from another published pilot (any borough, any Lab), "
    "with what changed. Records, not people: every row is exact.",
)  # fmt: skip
LINEAGE_COLUMNS = [
    "pilot", "pilot_title", "borough", "lab", "adapted_from", "adapted_from_title",
    "adapted_from_borough", "adapted_from_lab", "what_changed",
]  # fmt: skip


# The categories of approved readings of KPIs split by categories: one row per category
# (`toolkit.opendata_categories`).
READING_PARTS = RowsFile(
    "reading-categories", "Approved KPI readings by category",
    "The values per category (age band, say) of approved readings of KPIs split by "
    "categories. Where a category's count of people is below the disclosure threshold, "
    "every category of that reading is withheld.",
)  # fmt: skip


# The shared indicators' table, the same figures as the API's /indicators/: one row per
# indicator, Lab, period and borough, then the Lab's pooled row.
INDICATORS = RowsFile(
    "indicators", "Shared indicators by borough and Lab",
    "Each shared indicator's figure per Lab, period and borough (its approved readings of "
    "published pilots added up; a percentage pooled from numerators and denominators), then "
    "the Lab's pooled figure (borough “All boroughs”), with how many boroughs it adds up "
    "and which are missing. A count of people below the disclosure threshold is withheld, "
    "and so is every total that includes one.",
)  # fmt: skip
POOLED_ROW = "All boroughs"
INDICATOR_COLUMNS = [
    "indicator", "indicator_name", "unit", "lab", "period_start", "borough", "gss_code",
    "value", "suppressed", "boroughs_included", "boroughs_missing",
]  # fmt: skip


def indicator_rows() -> list[dict]:
    """The table's rows, built once per generation (it changes only on publish)."""
    return generation_cached("open-data:indicators", _indicator_rows)


def _indicator_rows() -> list[dict]:
    indicators = SharedIndicator.objects.filter(labs__isnull=False).distinct()
    rows = []
    for item in indicators_public(list(indicators.prefetch_related("labs").order_by("name", "pk"))):
        head = {"indicator": item["slug"], "indicator_name": item["name"], "unit": item["unit"]}
        for lab in item["labs"]:
            for period in lab["periods"]:
                at = {**head, "lab": lab["lab"], "period_start": period["period_start"]}
                rows += [{**at, **borough, "boroughs_included": None, "boroughs_missing": ""}
                         for borough in period["boroughs"]]  # fmt: skip
                pooled = period["pooled"]
                rows.append({
                    **at, "borough": POOLED_ROW, "gss_code": "", "value": pooled["value"],
                    "suppressed": pooled["suppressed"],
                    "boroughs_included": pooled["boroughs_included"],
                    "boroughs_missing": "; ".join(pooled["boroughs_missing"]),
                })  # fmt: skip
    return rows


def indicators_csv() -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INDICATOR_COLUMNS)
    for row in indicator_rows():
        writer.writerow([_indicator_cell(column, row[column]) for column in INDICATOR_COLUMNS])
    return out.getvalue()


def _indicator_cell(column: str, value: object) -> object:
    if column == "value" and value is None:
        return SUPPRESSED  # a pooled percentage with no denominator is never listed
    if isinstance(value, str):
        return cell_safe(value)
    return "" if value is None else _reading_cell(value)


def indicators_json() -> dict:
    return INDICATORS.json(
        indicator_rows(),
        suppression={
            "threshold": threshold(),
            "note": f"A count of people from 1 to {threshold() - 1} is withheld (null, with "
            "suppressed true), and so is every figure that adds one up.",
        },
        columns=INDICATOR_COLUMNS,
    )


# The approved follow-up check-ins, the same as the API's `follow_ups` of each pilot.
FOLLOW_UPS = RowsFile(
    "follow-ups", "Follow-up check-ins",
    "Every approved follow-up check-in of a published pilot: months after its Lab ended, "
    "whether it was still running, who funds it, whether it is part of mainstream services "
    "or has spread to other sites, and a one-line update.",
)  # fmt: skip
FOLLOW_UP_COLUMNS = [
    "pilot", "pilot_title", "borough", "gss_code", "lab", "months_after_lab", "due_on",
    "checked_on", "status", "funded_by", "mainstream", "spread", "update",
]  # fmt: skip


# The files not built from one of DATASETS' tables, in the order the open data page lists them.
FILES = [READINGS, READING_PARTS, INDICATORS, LINEAGE, FOLLOW_UPS]
