"""A return carries a split KPI's categories: the template has a row per KPI, period and
category below the total's row, and the import reads them all or nothing, naming each
problem (an unknown category, categories of a count not adding up without a reason, an
approved reading's categories changed)."""

import datetime as dt

from pilots.models import KPI, KPIReading, ReadingPart
from pilots.returns.layout import CATEGORY, COLUMNS, PARTS_REASON
from tests.pilots.readings.parts_helpers import parts_of, reading_with_parts
from tests.pilots.returns.returns_helpers import book_bytes, import_bytes, template_book

AT = {name: i for i, name in enumerate(COLUMNS)}
JULY = dt.date(2023, 7, 1)


def _rows_of(sheet, kpi) -> list[list]:
    return [row for row in sheet.iter_rows(min_row=2) if row[AT["KPI ID"]].value == kpi.pk]


def _fill(book, kpi, start: dt.date, total, parts: dict, reason: str | None = None) -> None:
    """Type `total` in the total's row and each {category: value} in its category's row."""
    for row in _rows_of(book["Return"], kpi):
        if row[AT["Period start"]].value.date() != start:
            continue
        category = row[AT[CATEGORY]].value
        if category is None:
            row[AT["Value"]].value = total
            if reason is not None:
                row[AT[PARTS_REASON]].value = reason
        elif category in parts:
            row[AT["Value"]].value = parts[category]


def _problems(upload) -> list[str]:
    assert upload.status == upload.Status.REFUSED, upload.status
    return [f"{p['row']} {p['column']}: {p['message']}" for p in upload.problems]


def test_template_has_a_row_per_category_below_each_total(barnet_pilot, split_kpi):
    reading_with_parts(split_kpi, JULY, 40, [12, 20, 8])
    rows = _rows_of(template_book(barnet_pilot.borough)["Return"], split_kpi)
    july = [r for r in rows if r[AT["Period start"]].value.date() == JULY]
    assert [(r[AT[CATEGORY]].value, r[AT["Value"]].value) for r in july] == [
        (None, 40), ("Under 25", 12), ("25 to 49", 20), ("50 and over", 8),
    ]  # fmt: skip
    assert len(rows) == 6 * 4  # six months, each a total and three categories
    assert "by age band (test)" in july[0][AT["Unit"]].value
    # The category names the row: locked, like the KPI ID; its value is typed.
    assert july[1][AT[CATEGORY]].protection.locked
    assert not july[1][AT["Value"]].protection.locked


def test_a_filled_template_round_trips(barnet_pilot, split_kpi):
    book = template_book(barnet_pilot.borough)
    _fill(book, split_kpi, JULY, 40, {"Under 25": 12, "25 to 49": 20, "50 and over": 8})
    _fill(book, split_kpi, dt.date(2023, 8, 1), 50, {"Under 25": 10, "25 to 49": 30},
          reason="Ten people did not give their age.")  # fmt: skip
    content = book_bytes(book)
    upload = import_bytes(barnet_pilot.borough, content)
    assert upload.status == upload.Status.DONE, upload.problems
    assert upload.created == 2
    july, august = KPIReading.objects.filter(kpi=split_kpi).order_by("period_start")
    assert [v for _, v in parts_of(july)] == [12, 20, 8]
    assert [v for _, v in parts_of(august)] == [10, 30]
    assert august.parts_reason == "Ten people did not give their age."
    again = import_bytes(barnet_pilot.borough, content)
    assert (again.created, again.updated) == (0, 0)
    # The template written now holds what was imported, and uploads unchanged.
    fresh = import_bytes(barnet_pilot.borough, book_bytes(template_book(barnet_pilot.borough)))
    assert (fresh.status, fresh.created, fresh.updated) == (fresh.Status.DONE, 0, 0)


def test_categories_not_adding_up_refuse_the_whole_file(barnet_pilot, split_kpi):
    book = template_book(barnet_pilot.borough)
    _fill(book, split_kpi, JULY, 40, {"Under 25": 12, "25 to 49": 20, "50 and over": 8})
    _fill(book, split_kpi, dt.date(2023, 8, 1), 50, {"Under 25": 10, "25 to 49": 30})
    problems = _problems(import_bytes(barnet_pilot.borough, book_bytes(book)))
    assert len(problems) == 1
    assert "Why categories do not add up (P)" in problems[0]
    assert "add up to 40, not the total 50" in problems[0]
    assert not KPIReading.objects.filter(kpi=split_kpi).exists()
    assert not ReadingPart.objects.exists()


def test_an_unknown_category_is_named_with_the_known_ones(barnet_pilot, split_kpi):
    book = template_book(barnet_pilot.borough)
    _fill(book, split_kpi, JULY, 40, {"Under 25": 12, "25 to 49": 20, "50 and over": 8})
    sheet = book["Return"]
    sheet.protection.sheet = False
    row = next(r for r in _rows_of(sheet, split_kpi) if r[AT[CATEGORY]].value == "Under 25")
    row[AT[CATEGORY]].value = "Toddlers"
    problems = _problems(import_bytes(barnet_pilot.borough, book_bytes(book)))
    assert any("“Toddlers” is not one of the categories of “Residents welcomed” (“Under 25”, "
               "“25 to 49”, “50 and over”)" in p for p in problems)  # fmt: skip
    assert not KPIReading.objects.filter(kpi=split_kpi).exists()


def test_a_category_on_a_kpi_not_split_is_refused(barnet_pilot, split_kpi):
    other = KPI.objects.filter(pilot=barnet_pilot, split_by=None).first()
    book = template_book(barnet_pilot.borough)
    sheet = book["Return"]
    sheet.append([other.pk, "", "", "", "", _rows_of(sheet, other)[0][AT["Period start"]].value,
                  "", 3, *[None] * 6, "Under 25", None])  # fmt: skip
    problems = _problems(import_bytes(barnet_pilot.borough, book_bytes(book)))
    assert any(f"“{other.name}” is not split by categories" in p for p in problems)


def test_an_approved_readings_categories_are_locked(barnet_pilot, split_kpi):
    reading_with_parts(split_kpi, JULY, 40, [12, 20, 8], approved=True)
    book = template_book(barnet_pilot.borough)
    _fill(book, split_kpi, JULY, 40, {"Under 25": 20, "25 to 49": 12, "50 and over": 8})
    problems = _problems(import_bytes(barnet_pilot.borough, book_bytes(book)))
    assert any("this reading is approved, so it is locked" in p for p in problems)
    reading = KPIReading.objects.get(kpi=split_kpi)
    assert [v for _, v in parts_of(reading)] == [12, 20, 8]


def test_a_csv_without_the_category_column_leaves_parts_alone(barnet_pilot, split_kpi):
    reading_with_parts(split_kpi, JULY, 40, [12, 20, 8])
    csv = f"KPI ID,Period start,Value,Note\n{split_kpi.pk},2023-07-01,40,checked\n"
    upload = import_bytes(barnet_pilot.borough, csv.encode(), name="return.csv")
    assert upload.status == upload.Status.DONE, upload.problems
    reading = KPIReading.objects.get(kpi=split_kpi)
    assert reading.note == "checked" and [v for _, v in parts_of(reading)] == [12, 20, 8]


def test_another_boroughs_template_and_upload_never_reach_its_categories(brent_pilot, split_kpi):
    reading = reading_with_parts(split_kpi, JULY, 40, [12, 20, 8])
    book = template_book(brent_pilot.borough)
    assert not _rows_of(book["Return"], split_kpi)
    sheet = book["Return"]
    sheet.append([split_kpi.pk, "", "", "", "", "2023-07-01", "", 1, *[None] * 6, "Under 25"])
    problems = _problems(import_bytes(brent_pilot.borough, book_bytes(book)))
    assert any(f"KPI {split_kpi.pk} is not one of Brent's KPIs" in p for p in problems)
    assert [v for _, v in parts_of(reading)] == [12, 20, 8]
