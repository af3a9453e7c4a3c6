"""The Lab workbook, read back with openpyxl: the right sheets, typed cells, a styled and
frozen header with filters, and neutralised text."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from pilots.exports.workbook import lab_workbook_write

SHEETS = ["Pilots", "KPIs", "Readings", "Outcomes", "Sessions", "Resources"]


def _workbook(lab, borough=None):
    out = io.BytesIO()
    lab_workbook_write(lab, out, borough=borough)
    out.seek(0)
    return load_workbook(out)


def _records(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_workbook_has_a_sheet_per_table(lab):
    workbook = _workbook(lab)

    assert workbook.sheetnames == SHEETS
    assert len(_records(workbook["Pilots"])) == 14
    assert len(_records(workbook["Sessions"])) == 10 * 11  # each session × each borough


def test_headers_are_styled_frozen_and_filtered(lab):
    for sheet in _workbook(lab):
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.bold, sheet.title
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row)), sheet.title


def test_numbers_and_dates_are_typed(lab):
    workbook = _workbook(lab)

    pilot = _records(workbook["Pilots"])[0]
    assert isinstance(pilot["Planned start"], dt.datetime)
    assert isinstance(pilot["Pilot ID"], int)
    reading = _records(workbook["Readings"])[0]
    assert isinstance(reading["Value"], int | float | Decimal)
    assert isinstance(reading["Period start"], dt.datetime)
    assert workbook["Readings"]["G2"].number_format == "yyyy-mm-dd"
    kpi = next(k for k in _records(workbook["KPIs"]) if k["KPI"] == "Hotel staff trained")
    assert (kpi["Baseline"], kpi["Target"]) == (0, 50)
    outcome = _records(workbook["Outcomes"])[0]
    assert (outcome["Count"], outcome["Of"]) == (11, 11)


def test_outcomes_sheet_carries_ratings_and_evidence(lab):
    records = _records(_workbook(lab)["Outcomes"])

    measure = "Boroughs with an implemented evaluation"
    evaluation = next(r for r in records if r["Measure"] == measure)
    assert evaluation["Outcome rating"] == "Partial success"
    assert (evaluation["Count"], evaluation["Of"]) == (5, 11)
    assert evaluation["Boroughs"].startswith("Brent; Hammersmith and Fulham")


@pytest.mark.parametrize("text", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\t=cmd"])
def test_formula_like_text_is_neutralised(lab, barnet_pilot, text):
    barnet_pilot.key_lesson = text
    barnet_pilot.save_revision().publish()

    pilots = _workbook(lab)["Pilots"]
    barnet = next(r for r in _records(pilots) if r["Borough"] == "Barnet")

    assert barnet["Key lesson"] == "'" + text
    assert all(cell.data_type != "f" for row in pilots.iter_rows() for cell in row)


def test_drafts_are_not_exported(lab, barnet_pilot):
    barnet_pilot.title = "Unapproved new title"
    barnet_pilot.save_revision()

    titles = [r["Title"] for r in _records(_workbook(lab)["Pilots"])]

    assert "Unapproved new title" not in titles
    assert "Volunteering service for people seeking asylum" in titles


def test_the_command_writes_the_workbook_and_csvs(lab, tmp_path):
    out = tmp_path / "lab.xlsx"

    call_command("export_lab", "asylum-welcome-2023", "--out", str(out),
                 "--csv-dir", str(tmp_path / "csv"))  # fmt: skip

    assert load_workbook(out).sheetnames == SHEETS
    with (tmp_path / "csv" / "asylum-welcome-2023-pilots.csv").open(
        newline="", encoding="utf-8-sig"
    ) as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["Pilot ID", "Borough", "Title"]
    assert len(rows) == 1 + 14


def test_the_command_refuses_a_file_that_is_not_xlsx(lab, tmp_path):
    with pytest.raises(CommandError, match=r"\.xlsx"):
        call_command("export_lab", "asylum-welcome-2023", "--out", str(tmp_path / "x.csv"))
