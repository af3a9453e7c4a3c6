"""The open data file of approved readings' values per category (`opendata.READING_PARTS`),
streamed like the readings file, withheld as every public surface withholds them
(`toolkit.published.readings_broken_down`)."""

import csv
import io
import json
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder

from cms.cells import cell_safe
from pilots.models import ReadingPart
from toolkit.opendata import LICENCE, READING_PARTS, READINGS_CHUNK, _reading_cell
from toolkit.published import (
    READING_FIELDS,
    published_readings,
    reading_public,
    readings_broken_down,
    readings_hidden,
)
from toolkit.suppression import threshold

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
