"""Problems name the columns as the officer sees them, even when the sheet's first
columns are empty (a spreadsheet reader starts at the first column holding anything)."""

import io

from openpyxl import Workbook

from tests.pilots.returns.returns_helpers import import_bytes


def test_problems_name_the_columns_the_officer_sees_when_column_a_is_empty(
    barnet_pilot, barnet_monthly_kpi
):
    book = Workbook()
    sheet = book.active
    sheet.title = "Return"
    sheet.append([None, "KPI ID", "Period start", "Value"])
    sheet.append([None, barnet_monthly_kpi.pk, "2023-07-01", "lots"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = import_bytes(barnet_pilot.borough, buffer.getvalue())
    [problem] = upload.problems
    assert (problem["row"], problem["column"]) == (2, "Value (D)")
