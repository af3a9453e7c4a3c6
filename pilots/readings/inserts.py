"""Inserting many rows without a model object each: a return writes 100,000 readings and
as many audit log entries, and building and preparing a model per row costs more than the
database does. COPY on PostgreSQL, a statement of many rows on SQLite."""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, islice, repeat
from uuid import UUID

from django.db import connection
from django.db.models import CharField, Field, Model, TextField
from django.db.models.options import Options
from django.utils import timezone
from psycopg.copy import QueuedLibpqWriter
from psycopg.types.json import Jsonb

BATCH = 10_000
ROWS_PER_STATEMENT = 500
# COPY's text format: a backslash, the column separator and line ends are escaped.
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def rows_insert(
    model: type[Model], given: list[str], rows: Iterable[tuple], *, ids: list[int] | None = None
) -> int:
    """Insert `rows`, tuples of the `given` fields' values (a foreign key as its id), and
    return how many. Every other column gets its field's default, so a field added to
    `model` later is filled in as `bulk_create` would fill it. `rows` may be a generator
    (one that runs no query: see `_rows_copy`): it is read a batch at a time, so a large
    insert holds one batch or two. Given a list `ids` (a form's few rows: they are read
    whole), the new rows' ids are added to it in the order of `rows`, with no query to
    read them back. Run it inside the caller's transaction."""
    meta = model._meta
    fields = [meta.get_field(name) for name in given]
    fields += [f for f in meta.concrete_fields if not f.primary_key and f.name not in given]
    now = timezone.now()
    defaults = [
        f.get_db_prep_save(now if getattr(f, "auto_now", False) else f.get_default(), connection)
        for f in fields[len(given) :]
    ]
    postgresql = connection.vendor == "postgresql"
    preps = [_column_prep(f, copy=postgresql) for f in fields[: len(given)]]
    if postgresql:
        defaults = [_copy_text(d) for d in defaults]
        if ids is not None:  # drawn from the table's sequence, then copied with the rows
            fields.insert(0, meta.pk)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(meta.db_table)

    def prepared(batch: list[tuple]) -> list[Sequence]:
        """The batch's values, column by column: each distinct value is converted once,
        the rest is C."""
        columns_of = zip(*batch, strict=True)
        values = [prep(column) for prep, column in zip(preps, columns_of, strict=True)]
        return values + [repeat(d, len(batch)) for d in defaults]

    with connection.cursor() as cursor, connection.wrap_database_errors:
        if postgresql:
            copy = f"COPY {table} ({columns}) FROM STDIN"
            return _rows_copy(cursor, copy, rows, prepared, meta, ids)
        inserted = 0
        insert = f"INSERT INTO {table} ({columns}) VALUES"
        for batch in _batches(rows, BATCH):
            values = list(zip(*prepared(batch), strict=True))
            if ids is None:
                _rows_execute(cursor, insert, len(fields), values)
            else:
                ids.extend(_rows_returning(cursor, insert, len(fields), values))
            inserted += len(batch)
    return inserted


def _rows_copy(
    cursor, copy: str, rows: Iterable[tuple], prepared: Callable, meta: Options,
    ids: list[int] | None,
) -> int:  # fmt: skip
    """Insert `rows` on PostgreSQL with one COPY, written as text a batch at a time. A
    thread sends each batch while the next is made, so the server writes one batch while
    Python makes the next; `rows` must not read from this connection meanwhile. With
    `ids`, the rows are read whole first (the few of a form's save): their ids are drawn
    from the table's sequence before the COPY starts, then copied with them."""
    batches = _batches(rows, BATCH)
    drawn = None
    if ids is not None:
        whole = list(chain.from_iterable(batches))
        drawn = _ids_drawn(cursor, meta.db_table, meta.pk.column, len(whole))
        ids.extend(drawn)
        batches = iter([whole] if whole else [])
    if (first := next(batches, None)) is None:
        return 0
    inserted = 0
    raw = cursor.cursor  # psycopg's own: Django's copy() takes no writer
    with raw.copy(copy, writer=QueuedLibpqWriter(raw)) as copying:
        for batch in chain([first], batches):
            values = prepared(batch)
            if drawn is not None:
                values.insert(0, map(str, drawn))
            copying.write("\n".join(map("\t".join, zip(*values, strict=True))) + "\n")
            inserted += len(batch)
    return inserted


def _ids_drawn(cursor, table: str, column: str, count: int) -> list[int]:
    """`count` new ids of `table`, from its sequence, in one query."""
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [table, column, count],
    )
    return [pk for (pk,) in cursor.fetchall()]


def _rows_returning(cursor, insert: str, width: int, rows: list[tuple]) -> Iterator[int]:
    """Insert `rows` on SQLite a statement of many rows at a time, yielding their ids in
    order (as `bulk_create` reads them: RETURNING gives a VALUES list's rows in order)."""
    raw = connection.connection  # sqlite3's own: Django would rewrite each long statement's
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # %s to ? by a regex
    per = max(min(limit // width, ROWS_PER_STATEMENT), 1)
    values = f"({', '.join(['?'] * width)})"
    statements = {}
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        if len(part) not in statements:
            statements[len(part)] = f"{insert} {', '.join([values] * len(part))} RETURNING id"
        found = raw.execute(statements[len(part)], list(chain.from_iterable(part)))
        yield from (pk for (pk,) in found.fetchall())


def _copy_text(value: object) -> str:
    """A column's value as COPY's text format writes it."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return str(int(value))  # a choice's plain value, not its name
    if isinstance(value, str):
        return str.translate(value, COPY_ESCAPES)
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, Jsonb):
        return value.dumps(value.obj).translate(COPY_ESCAPES)
    if hasattr(value, "isoformat"):  # a date, or a time or date and time with its zone
        return value.isoformat()
    raise TypeError(f"No COPY text for {type(value).__name__}: add it to _copy_text.")


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


def _column_prep(field: Field, *, copy: bool) -> Callable[[tuple], Sequence]:
    """The field's conversion to database values of a column (as COPY's text, with
    `copy`), remembered per value across batches: a return holds few distinct KPIs,
    periods and values, and each conversion costs a Django call."""
    seen: dict = {}
    text = type(field) in (CharField, TextField)  # not a subclass with its own conversion

    def convert(value: object) -> object:
        value = field.get_db_prep_save(value, connection)
        return _copy_text(value) if copy else value

    def prep(column: tuple) -> Sequence:
        if text and all(map(str.__instancecheck__, column)):
            # Text is stored as it is.
            return [s.translate(COPY_ESCAPES) for s in column] if copy else column
        if len(seen) > BATCH:  # a column of distinct values: nothing worth remembering
            seen.clear()
        try:
            for value in set(column).difference(seen):
                seen[value] = convert(value)
            return list(map(seen.__getitem__, column))
        except TypeError:  # unhashable (a JSON field's dict): remembered per object
            by_object = {}
            for value in column:
                if id(value) not in by_object:
                    by_object[id(value)] = convert(value)
            return [by_object[id(value)] for value in column]

    return prep
