"""The KPI return template offers a row for the period under way as well as the periods
due, so a reading can be returned as soon as it is known; later periods are not offered."""

import datetime as dt
import io

import openpyxl

from pilots.models import KPIReading
from pilots.returns.template import return_template_write, template_rows
from tests.pilots.returns.returns_helpers import book_bytes, import_bytes

SEP_15 = dt.date(2023, 9, 15)
SEP = dt.date(2023, 9, 1)


def test_rows_run_to_the_period_under_way(barnet_pilot, barnet_monthly_kpi):
    rows = template_rows(barnet_pilot.borough, SEP_15)
    starts = [row[5] for row in rows if row[0] == barnet_monthly_kpi.pk]
    assert starts == [dt.date(2023, 7, 1), dt.date(2023, 8, 1), SEP]


def test_the_period_under_way_can_be_returned(barnet_pilot, barnet_monthly_kpi):
    buffer = io.BytesIO()
    return_template_write(barnet_pilot.borough, buffer, today=SEP_15)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    for row in book["Return"].iter_rows(min_row=2):
        if (row[0].value, row[5].value.date()) == (barnet_monthly_kpi.pk, SEP):
            row[7].value = 30
    upload = import_bytes(barnet_pilot.borough, book_bytes(book))
    assert upload.status == "done", upload.problems
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=SEP).value == 30
