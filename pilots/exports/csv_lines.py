"""One of a Lab's tables as CSV text, streamed line by line. Every text cell passes
through `cell_safe`. On PostgreSQL a table that is one query (`QUERIES`) is written by
the database itself (COPY … TO STDOUT, `cell_safe_sql`), byte for byte what the Python
writer gives, in a fraction of the time."""

import csv
from collections.abc import Iterator

from django.db import connection
from django.db.models import QuerySet

from cms.cells import CSV_BOM, cell_safe, cell_safe_sql
from designlab.models import Borough, Lab
from pilots.exports.tables import QUERIES, TABLES, jit_off

COPY_BATCH = 1000  # rows joined into one string: fewer, larger writes to the response


class _Line:
    """A file-like object whose write returns the line, so csv.writer can stream."""

    def write(self, value: str) -> str:
        return value


def table_csv_lines(lab: Lab, table: str, *, borough: Borough | None) -> Iterator[str]:
    """One table (a key of TABLES) as CSV text, the first line starting with a byte order
    mark."""
    jit_off()
    if table in QUERIES and connection.vendor == "postgresql":
        return table_csv_copied(lab, table, borough=borough)
    return table_csv_written(lab, table, borough=borough)


def table_csv_written(lab: Lab, table: str, *, borough: Borough | None) -> Iterator[str]:
    """The table written by Python's csv module, line by line."""
    _, headers, rows = TABLES[table]
    writer = csv.writer(_Line())
    yield CSV_BOM + writer.writerow(headers)
    for row in rows(lab, borough):
        yield writer.writerow(["" if v is None else cell_safe(v) for v in row])


def table_csv_copied(lab: Lab, table: str, *, borough: Borough | None) -> Iterator[str]:
    """The table written by PostgreSQL's COPY, in batches of lines."""
    _, headers, _ = TABLES[table]
    yield CSV_BOM + csv.writer(_Line()).writerow(headers)
    sql = connection.ops.compose_sql(*_copy_sql(QUERIES[table](lab, borough)))
    with connection.cursor() as cursor:
        # Dates as Python writes them (yyyy-mm-dd), without to_char's cost on every row.
        cursor.execute("SET datestyle TO 'ISO'")
        yield from _copied(cursor, sql)


def _copied(cursor, sql: str) -> Iterator[str]:
    with cursor.copy(sql) as copy:
        lines = []
        # psycopg reads COPY's output a row at a time; each ends with "\n", where
        # Python's csv module ends a line with "\r\n" (embedded newlines stay as they are).
        for row in copy:
            lines.append(bytes(row[:-1]))
            if len(lines) == COPY_BATCH:
                yield b"\r\n".join(lines).decode() + "\r\n"
                lines.clear()
        if lines:
            yield b"\r\n".join(lines).decode() + "\r\n"


def _copy_sql(queryset: QuerySet) -> tuple[str, tuple]:
    """COPY of `queryset` (a values_list), each column shown as Python's csv module shows
    its value: text neutralised, and empty text written like None (COPY quotes "")."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    names = [f"c{i}" for i in range(len(compiler.select))]
    shown = ", ".join(
        _copy_column(f"t.{name}", expression.output_field.get_internal_type())
        for name, (expression, _, _) in zip(names, compiler.select, strict=True)
    )
    # A subquery's order is kept by PostgreSQL when the query around it only selects.
    # The SQL is the ORM's, its parameters bound apart: nothing here comes from a request.
    columns = ", ".join(names)
    copy = f"COPY (SELECT {shown} FROM ({sql}) AS t({columns})) TO STDOUT (FORMAT csv)"  # noqa: S608
    return copy, params


def _copy_column(column: str, kind: str) -> str:
    if kind in ("CharField", "TextField"):
        return f"NULLIF({cell_safe_sql(column)}, '')"
    if kind in ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField",
                "PositiveIntegerField", "DecimalField", "ForeignKey", "DateField"):  # fmt: skip
        return column  # written as Python writes int, Decimal and date
    raise ValueError(f"No COPY form for a {kind} column: write this table in Python.")
