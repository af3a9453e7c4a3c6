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
