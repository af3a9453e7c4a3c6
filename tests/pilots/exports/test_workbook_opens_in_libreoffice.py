"""The workbook opens cleanly in LibreOffice: converted headless to CSV, each sheet reads
back with its rows. Skips where LibreOffice (Debian: libreoffice-calc) is not installed."""

import csv
import shutil
import subprocess

import pytest

from pilots.exports.workbook import lab_workbook_write

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Comma-separated, UTF-8 (76), formatted as shown, every sheet (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_every_sheet(lab, tmp_path):
    workbook = tmp_path / "lab.xlsx"
    lab_workbook_write(lab, workbook, borough=None)

    # One CSV per sheet (LibreOffice 7.2+: sheet -1 = all sheets, file-Sheet.csv).
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", CSV_FILTER,
         "--outdir", str(tmp_path), str(workbook)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    def rows(sheet):
        with (tmp_path / f"lab-{sheet}.csv").open(encoding="utf-8", newline="") as f:
            return list(csv.reader(f))

    pilots = rows("Pilots")
    assert pilots[0][:3] == ["Pilot ID", "Borough", "Title"]
    assert len(pilots) == 1 + 14
    assert rows("Outcomes")[1][2] == "Success"
    readings = rows("Readings")
    assert readings[1][6].count("-") == 2  # a date, shown as yyyy-mm-dd
