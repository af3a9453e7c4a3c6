"""Inserting many rows without a model object each: a return writes 100,000 readings and
as many audit log entries, and building and preparing a model per row costs more than the
database does. COPY on PostgreSQL, one executemany per batch elsewhere."""

from collections.abc import Callable, Iterable, Iterator
from itertools import islice, repeat

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

BATCH = 10_000


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
    marks = ", ".join(["%s"] * len(fields))
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
                sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
                cursor.executemany(sql, prepared)
            inserted += len(batch)
    return inserted


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def _column_prep(field: Field) -> Callable[[tuple], list]:
    """The field's conversion to database values of a column, remembered per value across
    batches: a return holds few distinct KPIs, periods and values, and each conversion
    costs a Django call."""
    seen: dict = {}

    def prep(column: tuple) -> list:
        if len(seen) > BATCH:  # a column of distinct values (labels): nothing to remember
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
