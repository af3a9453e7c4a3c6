"""Wagtail's own report exports (here the site history a convenor downloads) show text an
officer typed as a formula as text: the cell gets a leading apostrophe, in CSV and XLSX."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook
from wagtail.log_actions import log

FORMULA = '=HYPERLINK("http://evil.example/","Open")'


def site_history_export(client, convenor, barnet_pilot, export_format):
    barnet_pilot.title = FORMULA
    barnet_pilot.save()
    log(barnet_pilot, "wagtail.edit", user=convenor)
    client.force_login(convenor)
    response = client.get(reverse("wagtailadmin_reports:site_history") + f"?export={export_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_site_history_csv_holds_the_title_as_text(client, convenor, barnet_pilot):
    rows = list(
        csv.reader(io.StringIO(site_history_export(client, convenor, barnet_pilot, "csv").decode()))
    )
    names = [row[1] for row in rows[1:]]
    assert "'" + FORMULA in names
    assert not any(name.startswith("=") for name in names)


def test_site_history_xlsx_holds_no_formula(client, convenor, barnet_pilot):
    book = load_workbook(io.BytesIO(site_history_export(client, convenor, barnet_pilot, "xlsx")))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert "'" + FORMULA in [cell.value for cell in cells]
    assert all(cell.data_type != "f" for cell in cells)
