"""Spreadsheet cells that are safe to open (CSV/formula injection, OWASP ASVS 1.2.10)."""

from typing import TypeVar

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "\0")
# Excel and LibreOffice read a CSV as UTF-8 (curly quotes, Arabic) only when it starts with
# a byte order mark; every CSV download starts with one.
CSV_BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

Cell = TypeVar("Cell")


def cell_safe(value: Cell) -> Cell | str:
    """Return `value` unchanged unless it is text that a spreadsheet could run as a
    formula; such text gets a leading apostrophe so it is shown, never evaluated."""
    if isinstance(value, str) and value.startswith(DANGEROUS_FIRST):
        return "'" + value
    return value


def cell_safe_sql(column: str) -> str:
    """`cell_safe` in PostgreSQL, for text `column` of a query written out by COPY.
    (`ascii` reads the first character's code without copying text: the fastest test.
    PostgreSQL text cannot hold NUL, the one character of the rule left out.)"""
    codes = ", ".join(str(ord(c)) for c in DANGEROUS_FIRST if c != "\0")
    return f"CASE WHEN ascii({column}) IN ({codes}) THEN '''' || {column} ELSE {column} END"
