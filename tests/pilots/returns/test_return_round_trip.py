"""An officer downloads the return template, fills it in with a spreadsheet program and
uploads it: the readings are recorded, and uploading it again changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry, Revision

from pilots.models import KPIReading, ReturnUpload
from tests.pilots.returns.returns_helpers import (
    book_bytes,
    database_state,
    filled,
    import_bytes,
    template_book,
)

JUL, AUG, DEC = dt.date(2023, 7, 1), dt.date(2023, 8, 1), dt.date(2023, 12, 1)


def test_template_has_one_row_per_kpi_and_due_period_with_locked_header(
    barnet_pilot, barnet_monthly_kpi
):
    book = template_book(barnet_pilot.borough)
    assert book.sheetnames == ["Instructions", "Return"]
    assert "numbers only" in " ".join(str(c.value) for c in book["Instructions"]["A"])
    sheet = book["Return"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["KPI ID", "Pilot", "KPI"] and "Value" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # Barnet's quarterly KPI owes Q3 and Q4 2023; the new monthly KPI July to December.
    assert len(rows) == 2 + 6
    assert {r[5].date() for r in rows if r[0] == barnet_monthly_kpi.pk} == {
        dt.date(2023, m, 1) for m in range(7, 13)
    }
    quarterly = [r for r in rows if r[0] != barnet_monthly_kpi.pk]
    assert [r[7] for r in quarterly] == [10, 20]  # recorded readings are filled in
    assert sheet.protection.sheet
    assert sheet["A1"].protection.locked and sheet["H1"].protection.locked
    assert not sheet["H2"].protection.locked and not sheet["I2"].protection.locked
    validations = {
        str(v.sqref): (v.type, v.formula1, v.formula2)
        for v in sheet.data_validations.dataValidation
    }
    percent_rows = [i for i, r in enumerate(rows, start=2) if r[0] == barnet_monthly_kpi.pk]
    assert validations[f"H{percent_rows[0]}:H{percent_rows[-1]}"] == ("decimal", "0", "100")


def test_filled_template_imports_and_second_upload_changes_nothing(
    barnet_pilot, barnet_officer, barnet_monthly_kpi
):
    borough = barnet_pilot.borough
    content = filled(
        borough, {(barnet_monthly_kpi.pk, JUL): 32.5, (barnet_monthly_kpi.pk, AUG): 40}
    )
    first = import_bytes(borough, content, user=barnet_officer)
    assert first.status == ReturnUpload.Status.DONE
    assert (first.created, first.updated, first.unchanged) == (2, 0, 2)
    readings = dict(
        KPIReading.objects.filter(kpi=barnet_monthly_kpi).values_list("period_start", "value")
    )
    assert readings == {JUL: Decimal("32.50"), AUG: Decimal("40.00")}
    assert ModelLogEntry.objects.filter(action="pilots.return_imported", object_id=str(first.pk),
                                        user=barnet_officer).exists()  # fmt: skip

    before = database_state()
    again = import_bytes(borough, content, user=barnet_officer)
    assert (again.status, again.created, again.updated, again.unchanged) == ("done", 0, 0, 4)
    assert database_state()[:2] == before[:2]


def test_corrected_value_replaces_reading_and_keeps_a_revision(barnet_pilot, barnet_monthly_kpi):
    borough = barnet_pilot.borough
    import_bytes(borough, filled(borough, {(barnet_monthly_kpi.pk, DEC): 30}))
    corrected = import_bytes(borough, filled(borough, {(barnet_monthly_kpi.pk, DEC): 35}))
    assert (corrected.created, corrected.updated) == (0, 1)
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=DEC)
    assert reading.value == Decimal("35.00")
    history = Revision.objects.for_instance(reading).order_by("pk")
    assert [Decimal(r.content["value"]) for r in history] == [Decimal("30.00"), Decimal("35.00")]
    assert reading.latest_revision == history.last()


def test_csv_return_imports(barnet_pilot, barnet_monthly_kpi):
    text = f"KPI ID,Period start,Value,Note\n{barnet_monthly_kpi.pk},2023-09-01,55,from CSV\n"
    done = import_bytes(barnet_pilot.borough, text.encode(), "return.csv")
    assert (done.status, done.created) == ("done", 1)
    assert (
        KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=dt.date(2023, 9, 1)).note
        == "from CSV"
    )


def test_command_line_round_trip(barnet_pilot, barnet_monthly_kpi, tmp_path, capsys):
    out = tmp_path / "barnet.xlsx"
    call_command("kpi_return_template", "--borough", "barnet", "--out", str(out))
    assert "8 rows to fill in" in capsys.readouterr().out
    from openpyxl import load_workbook

    book = load_workbook(out)
    for row in book["Return"].iter_rows(min_row=2):
        if row[0].value == barnet_monthly_kpi.pk:
            row[7].value = 20
    book.save(out)
    call_command("import_kpi_returns", str(out), "--borough", "barnet")
    assert "6 new readings" in capsys.readouterr().out
    assert KPIReading.objects.filter(kpi=barnet_monthly_kpi).count() == 6


def test_command_line_refusal_exits_non_zero_and_lists_problems(barnet_pilot, barnet_monthly_kpi,
                                                                tmp_path, capsys):  # fmt: skip
    book = template_book(barnet_pilot.borough)
    book["Return"]["H2"] = "lots"
    path = tmp_path / "bad.xlsx"
    path.write_bytes(book_bytes(book))
    before = database_state()
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("import_kpi_returns", str(path), "--borough", "barnet")
    assert (
        "sheet Return, row 2, column Value (H): “lots” is not a number" in capsys.readouterr().err
    )
    assert database_state()[:2] == before[:2]


def test_csv_without_a_note_column_keeps_recorded_notes(barnet_pilot, barnet_monthly_kpi):
    borough = barnet_pilot.borough
    with_note = f"KPI ID,Period start,Value,Note\n{barnet_monthly_kpi.pk},2023-09-01,55,Two sites\n"
    import_bytes(borough, with_note.encode(), "return.csv")
    same_value = f"KPI ID,Period start,Value\n{barnet_monthly_kpi.pk},2023-09-01,55\n"
    again = import_bytes(borough, same_value.encode(), "return.csv")
    assert (again.status, again.updated, again.unchanged) == ("done", 0, 1)
    new_value = f"KPI ID,Period start,Value\n{barnet_monthly_kpi.pk},2023-09-01,60\n"
    assert import_bytes(borough, new_value.encode(), "return.csv").updated == 1
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=dt.date(2023, 9, 1))
    assert (reading.value, reading.note) == (Decimal("60.00"), "Two sites")


def test_command_line_template_to_a_missing_folder_says_so(barnet_pilot, tmp_path):
    with pytest.raises(CommandError, match="Cannot write .*: No such file or directory"):
        call_command(
            "kpi_return_template", "--borough", "barnet", "--out", str(tmp_path / "no" / "x.xlsx")
        )
