"""Bad returns are refused whole, with each problem named by sheet, row and column, and
nothing in the database changes."""

import datetime as dt
import io
import re
import zipfile

import pytest

from pilots.models import KPI, ReturnUpload
from pilots.returns.layout import MAX_BYTES
from pilots.returns.reader import FileRefused, return_sheet_read
from tests.cms.hostile_archives import (
    BILLION_LAUGHS,
    BILLION_LAUGHS_UTF16,
    office_file,
    sizes_understated,
)
from tests.pilots.returns.returns_helpers import (
    book_bytes,
    database_state,
    filled,
    import_bytes,
    template_book,
)

JUL = dt.date(2023, 7, 1)


def refused(borough, content: bytes, name: str = "return.xlsx") -> list[str]:
    """Import `content`; assert it was refused and changed nothing; return the problems
    as the status page words them ("Return row 3 Value (H): ...")."""
    before = database_state()
    result = import_bytes(borough, content, name)
    assert database_state() == before
    if isinstance(result, str):  # refused by the upload check: nothing was stored
        assert not ReturnUpload.objects.filter(borough=borough).exists()
        return [result]
    assert result.status == ReturnUpload.Status.REFUSED
    return [f"{p['sheet']} row {p['row']} {p['column']}: {p['message']}" for p in result.problems]


def with_row(borough, kpi_id, period, value) -> bytes:
    book = template_book(borough)
    book["Return"].append([kpi_id, "", "", "", "", period, "", value, ""])
    return book_bytes(book)


def test_text_in_a_number_cell(barnet_pilot, barnet_monthly_kpi):
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): "twelve"})
    [message] = refused(barnet_pilot.borough, content)
    assert message == (
        "Return row 4 Value (H): “twelve” is not a number. Type a number only, such as 12 or 45.5."
    )


def test_percentage_over_100_and_a_negative_count(barnet_pilot, barnet_monthly_kpi):
    quarterly = barnet_pilot.kpis.exclude(pk=barnet_monthly_kpi.pk).get()
    content = filled(
        barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 120, (quarterly.pk, JUL): -3}
    )
    problems = refused(barnet_pilot.borough, content)
    assert any("120.00 is not a percentage" in p for p in problems)
    assert any("-3.00 is negative" in p for p in problems)


def test_another_boroughs_kpi_is_refused_without_naming_it(barnet_pilot, brent_pilot):
    brent_kpi = brent_pilot.kpis.first()
    [message] = refused(barnet_pilot.borough, with_row(barnet_pilot.borough, brent_kpi.pk, JUL, 5))
    assert f"KPI {brent_kpi.pk} is not one of Barnet's KPIs" in message
    assert message.startswith("Return row 4 KPI ID (A)")
    assert brent_kpi.name not in message and "Brent" not in message


def test_unknown_kpi_is_refused_in_the_same_words(barnet_pilot):
    [message] = refused(barnet_pilot.borough, with_row(barnet_pilot.borough, 987654, JUL, 5))
    assert "KPI 987654 is not one of Barnet's KPIs" in message


@pytest.mark.parametrize(
    "period,expected",
    [
        (dt.datetime(2022, 1, 1), "outside the pilot's dates (01 July 2023 to 31 December 2023)"),
        (dt.datetime(2023, 8, 1), "does not start a quarterly period; use 01 July 2023"),
        ("next spring", "“next spring” is not a date"),
    ],
)
def test_period_out_of_range_or_not_fitting_the_frequency(barnet_pilot, period, expected):
    kpi = barnet_pilot.kpis.get()
    [message] = refused(barnet_pilot.borough, with_row(barnet_pilot.borough, kpi.pk, period, 5))
    assert expected in message and "Period start (F)" in message


def test_one_reading_per_period_in_a_file(barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    [message] = refused(
        barnet_pilot.borough, with_row(barnet_pilot.borough, kpi.pk, dt.datetime(2023, 7, 1), 11)
    )
    assert "row 4" in message and "already on row 2" in message


def test_missing_column(barnet_pilot):
    book = template_book(barnet_pilot.borough)
    book["Return"]["H1"] = "Amount"
    [message] = refused(barnet_pilot.borough, book_bytes(book))
    assert "Column “Value” is missing" in message


def test_formula_cells_are_refused(barnet_pilot, barnet_monthly_kpi):
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): "=10+2"})
    [message] = refused(barnet_pilot.borough, content)
    assert message.startswith("Return row 4 H: This cell holds a formula")


def test_formula_in_a_csv_is_refused(barnet_pilot, barnet_monthly_kpi):
    text = f'KPI ID,Period start,Value,Note\n{barnet_monthly_kpi.pk},2023-07-01,5,=HYPERLINK("x")\n'
    [message] = refused(barnet_pilot.borough, text.encode(), "return.csv")
    assert "row 2 Note (D)" in message and "is a formula" in message


def test_a_text_file_renamed_xlsx_is_refused(barnet_pilot):
    [message] = refused(barnet_pilot.borough, b"KPI ID,Value\n1,2\n", "return.xlsx")
    assert "is not really a .xlsx file" in message


def test_wrong_extension_is_refused(barnet_pilot):
    [message] = refused(barnet_pilot.borough, b"%PDF-1.7 ...", "return.pdf")
    assert "not an accepted file type" in message


def test_file_over_the_size_limit_is_refused(barnet_pilot):
    content = b"KPI ID,Period start,Value\n" + b"0" * (MAX_BYTES + 1024 * 1024)
    [message] = refused(barnet_pilot.borough, content, "big.csv")
    assert message.replace("\xa0", " ") == "“big.csv” is 26.0 MB; the limit is 25.0 MB."


def test_zip_bomb_is_refused_before_parsing(barnet_pilot):
    real = io.BytesIO(book_bytes(template_book(barnet_pilot.borough)))
    bomb = io.BytesIO()
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        out.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    [message] = refused(barnet_pilot.borough, bomb.getvalue())
    assert "too large to be a genuine file" in message


def test_billion_laughs_is_refused(barnet_pilot):
    real = io.BytesIO(book_bytes(template_book(barnet_pilot.borough)))
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    attack = io.BytesIO()
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(attack, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = (
                laughs.encode()
                if item.filename == "xl/worksheets/sheet2.xml"
                else source.read(item.filename)
            )
            out.writestr(item, data)
    [message] = refused(barnet_pilot.borough, attack.getvalue())
    assert message == (
        "“return.xlsx” contains XML entity declarations, which genuine files do not. "
        "It has been refused."
    )
    # The reader refuses it too, should a file reach it without the upload check.
    with pytest.raises(FileRefused, match="not a valid spreadsheet"):
        return_sheet_read(attack, "xlsx")


def test_zip_bomb_understating_its_size_is_refused(barnet_pilot):
    """The archive declares 1 KB for a part that decompresses to 60 MB: the check measures
    what decompression actually produces, and stops at its cap."""
    real = book_bytes(template_book(barnet_pilot.borough))
    padded = office_file({"xl/media/padding.bin": b"\0" * (60 * 1024 * 1024)}, base=real)
    [message] = refused(barnet_pilot.borough, sizes_understated(padded, "xl/media/padding.bin"))
    assert "too large to be a genuine file" in message


@pytest.mark.parametrize(
    "part,content",
    [("xl/worksheets/sheet9.XML", BILLION_LAUGHS), ("xl/_rels/extra.xml.RELS", BILLION_LAUGHS),
     ("xl/worksheets/sheet9.xmlx", BILLION_LAUGHS), ("xl/printerSettings/settings1.bin",
     BILLION_LAUGHS), ("xl/worksheets/sheet9.xml", BILLION_LAUGHS_UTF16)],
)  # fmt: skip
def test_xml_with_a_dtd_is_refused_whatever_its_part_is_called(barnet_pilot, part, content):
    real = book_bytes(template_book(barnet_pilot.borough))
    [message] = refused(barnet_pilot.borough, office_file({part: content}, base=real))
    assert "contains XML entity declarations" in message


def test_every_problem_is_listed_and_nothing_is_recorded(barnet_pilot, barnet_monthly_kpi):
    """One bad row among good ones: the good ones are not recorded either."""
    content = filled(
        barnet_pilot.borough,
        {(barnet_monthly_kpi.pk, JUL): 10, (barnet_monthly_kpi.pk, dt.date(2023, 8, 1)): "n/a",
         (barnet_monthly_kpi.pk, dt.date(2023, 9, 1)): 101},
    )  # fmt: skip
    problems = refused(barnet_pilot.borough, content)
    assert len(problems) == 2
    assert not barnet_monthly_kpi.readings.exists()
    assert KPI.objects.filter(pk=barnet_monthly_kpi.pk).exists()


@pytest.mark.parametrize(
    "value,expected",
    [("1e30", "“1e30” is too large to be a reading."), ("-1e30", "-1e30 is negative")],
)
def test_a_huge_number_is_refused_not_a_crash(barnet_pilot, barnet_monthly_kpi, value, expected):
    text = f"KPI ID,Period start,Value\n{barnet_monthly_kpi.pk},2023-07-01,{value}\n"
    [message] = refused(barnet_pilot.borough, text.encode(), "return.csv")
    assert message.startswith(" row 2 Value (C): ") and expected in message


@pytest.mark.parametrize("kpi_id", ["inf", "1e400", "nan"])
def test_a_kpi_id_that_is_not_a_whole_number_is_refused(barnet_pilot, kpi_id):
    text = f"KPI ID,Period start,Value\n{kpi_id},2023-07-01,5\n"
    [message] = refused(barnet_pilot.borough, text.encode(), "return.csv")
    assert f"“{kpi_id}” is not a KPI ID" in message


def test_formulas_in_cells_without_references_are_refused(barnet_pilot, barnet_monthly_kpi):
    """Cell references are optional in .xlsx; some programs leave them out."""
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): "=10+2"})
    source, stripped = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb' r="[A-Z]+[0-9]+"', b"", data)
            out.writestr(item, data)
    [message] = refused(barnet_pilot.borough, stripped.getvalue())
    assert message.startswith("Return ") and "This sheet holds a formula" in message
