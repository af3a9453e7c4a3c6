"""One of a Lab's tables as CSV text, streamed line by line. Every text cell passes
through `cell_safe`."""

import csv
from collections.abc import Iterator

from cms.cells import CSV_BOM, cell_safe
from designlab.models import Borough, Lab
from pilots.exports.tables import TABLES


class _Line:
    """A file-like object whose write returns the line, so csv.writer can stream."""

    def write(self, value: str) -> str:
        return value


def table_csv_lines(lab: Lab, table: str, *, borough: Borough | None) -> Iterator[str]:
    """One table (a key of TABLES) as CSV text, line by line, the first starting with a
    byte order mark."""
    _, headers, rows = TABLES[table]
    writer = csv.writer(_Line())
    yield CSV_BOM + writer.writerow(headers)
    for row in rows(lab, borough):
        yield writer.writerow(["" if v is None else cell_safe(v) for v in row])
