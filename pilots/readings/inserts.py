"""Inserting many rows without a model object each: a return writes 100,000 readings and
as many audit log entries, and building and preparing a model per row costs more than the
database does. COPY on PostgreSQL, a statement of many rows on SQLite."""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice, repeat

from django.db import connection
from django.db.models import CharField, Field, Model, TextField
from django.utils import timezone

BATCH = 10_000
ROWS_PER_STATEMENT = 500


def rows_insert(model: type[Model], given: list[str], rows: Iterable[tuple]) -> int:
    """Insert `rows`, tuples of the `given` fields' values (a foreign key as its id), and
    return how many. Every other column gets its field's default, so a field added to
    `model` later is filled in as `bulk_create` would fill it. `rows` may be a generator:
    it is read a batch at a time, so a large insert holds one batch. Run it inside the
    caller's transaction."""
    meta = model._meta
    fields = [meta.get_field(name) for name in given]
    fields += [f for f in meta.concrete_fields if not f.primary_key and f.name not in given]
    now = timezone.now()
    defaults = [
        f.get_db_prep_save(now if getattr(f, "auto_now", False) else f.get_default(), connection)
        for f in fields[len(given) :]
    ]
    preps = [_column_prep(f) for f in fields[: len(given)]]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(meta.db_table)
    inserted = 0
    with connection.cursor() as cursor, connection.wrap_database_errors:
        for batch in _batches(rows, BATCH):
            # Column by column: each distinct value is converted once, the rest is C.
            columns_of = zip(*batch, strict=True)
            values = [prep(column) for prep, column in zip(preps, columns_of, strict=True)]
            prepared = list(zip(*values, *(repeat(d, len(batch)) for d in defaults), strict=True))
            if connection.vendor == "postgresql":
                # A COPY per batch: the batch is read before it starts, so `rows` may
                # itself be reading from this connection.
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                _rows_execute(
                    cursor, f"INSERT INTO {table} ({columns}) VALUES", len(fields), prepared
                )
            inserted += len(batch)
    return inserted


def _rows_execute(cursor, insert: str, width: int, rows: list[tuple]) -> None:
    """Insert `rows` on SQLite in statements of ROWS_PER_STATEMENT rows (fewer if its
    parameter limit says so): half the work of a statement per row. Always executemany,
    so that with DEBUG on Django logs each statement once, not with its values."""
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(min(limit // width, ROWS_PER_STATEMENT), 1)
    values = f"({', '.join(['%s'] * width)})"
    whole = len(rows) - len(rows) % per
    if whole:
        flat = list(chain.from_iterable(rows[:whole]))
        step = per * width
        params = [flat[i : i + step] for i in range(0, len(flat), step)]
        cursor.executemany(f"{insert} {', '.join([values] * per)}", params)
    if rest := rows[whole:]:
        params = [list(chain.from_iterable(rest))]
        cursor.executemany(f"{insert} {', '.join([values] * len(rest))}", params)


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def _column_prep(field: Field) -> Callable[[tuple], Sequence]:
    """The field's conversion to database values of a column, remembered per value across
    batches: a return holds few distinct KPIs, periods and values, and each conversion
    costs a Django call."""
    seen: dict = {}
    text = type(field) in (CharField, TextField)  # not a subclass with its own conversion

    def prep(column: tuple) -> Sequence:
        if text and all(map(str.__instancecheck__, column)):
            return column  # text is stored as it is
        if len(seen) > BATCH:  # a column of distinct values: nothing worth remembering
            seen.clear()
        try:
            for value in set(column).difference(seen):
                seen[value] = field.get_db_prep_save(value, connection)
            return list(map(seen.__getitem__, column))
        except TypeError:  # unhashable (a JSON field's dict): remembered per object
            by_object = {}
            for value in column:
                if id(value) not in by_object:
                    by_object[id(value)] = field.get_db_prep_save(value, connection)
            return [by_object[id(value)] for value in column]

    return prep
