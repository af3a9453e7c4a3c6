"""Inserting many rows without a model object each: a return writes 100,000 readings and
as many audit log entries, and building and preparing a model per row costs more than the
database does. COPY on PostgreSQL, one executemany per batch elsewhere."""

from collections.abc import Callable, Iterator
from typing import Any

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

BATCH = 10_000


def rows_insert(model: type[Model], given: list[str], rows: list[tuple]) -> None:
    """Insert `rows`, tuples of the `given` fields' values (a foreign key as its id). Every
    other column gets its field's default, so a field added to `model` later is filled in
    as `bulk_create` would fill it. Run it inside the caller's transaction."""
    if not rows:
        return
    meta = model._meta
    fields = [meta.get_field(name) for name in given]
    fields += [f for f in meta.concrete_fields if not f.primary_key and f.name not in given]
    now = timezone.now()
    defaults = tuple(
        f.get_db_prep_save(now if getattr(f, "auto_now", False) else f.get_default(), connection)
        for f in fields[len(given) :]
    )
    prepared = [_column_prep(f) for f in fields[: len(given)]]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_prepared(prepared, row) + defaults)
            return
        marks = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, [_prepared(prepared, row) + defaults for row in batch])


def _prepared(prepared: list[Callable[[Any], Any]], row: tuple) -> tuple:
    return tuple(prep(v) for prep, v in zip(prepared, row, strict=True))


def _batches(items: list, size: int) -> Iterator[list]:
    return (items[i : i + size] for i in range(0, len(items), size))


def _column_prep(field: Field) -> Callable[[Any], Any]:
    """The field's conversion to a database value, remembered per value: a return holds few
    distinct KPIs, periods and values, and each conversion costs a Django call."""
    seen: dict = {}

    def prep(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = field.get_db_prep_save(value, connection)
            return result
        except TypeError:  # unhashable (a JSON field's dict): converted each time
            return field.get_db_prep_save(value, connection)

    return prep
