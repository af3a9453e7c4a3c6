"""Open data: per-borough aggregates of the published records, as CSV and JSON, under the
Open Government Licence v3.0, with small counts suppressed (see `toolkit.disclosure`)."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count

from cms.cells import CSV_BOM, cell_safe
from pilots.models import Evaluation, KPIReading, Pilot, Stage
from toolkit.cache import generation_cached
from toolkit.disclosure import suppress_table, threshold

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

    def build(self) -> Table:
        """The table, suppressed; built once per generation (it changes only on publish),
        since it aggregates every published reading."""
        return generation_cached(f"open-data:{self.slug}", self._build)

    def _build(self) -> Table:
        boroughs, columns, counts = self.counts()
        cells = [[counts.get((code, column), 0) for column in columns] for _, code in boroughs]
        suppressed = suppress_table(cells, len(columns))
        rows = [
            (name, code, values)
            for (name, code), values in zip(boroughs, suppressed[:-1], strict=True)
        ]
        return Table(columns=columns, rows=rows, total=suppressed[-1])


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


def dataset_json(dataset: Dataset) -> dict:
    table = dataset.build()
    keys = [*table.columns, "Total"]
    return {
        "dataset": dataset.slug,
        "title": dataset.title,
        "description": dataset.description,
        "licence": LICENCE,
        "suppression": {
            "threshold": threshold(),
            "note": f"Counts from 1 to {threshold() - 1} are suppressed (null), and so are "
            "further cells where a suppressed count could otherwise be worked out from totals.",
        },
        "columns": keys,
        "rows": [
            {"borough": name, "gss_code": code, "values": dict(zip(keys, values, strict=True))}
            for name, code, values in table.rows
        ],
        "all_boroughs": dict(zip(keys, table.total, strict=True)),
    }
