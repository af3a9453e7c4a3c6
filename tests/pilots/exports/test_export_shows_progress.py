"""A running export shows its progress on the exports page (a native progress bar with
the rows written so far in words; the page refreshes itself), and a finished export says
"Ready" only once its file is written, with its download on the same row."""

import re

from django.test import Client
from django.urls import reverse

from designlab.models import Export
from pilots.exports.runs import lab_export_run
from pilots.exports.tables import lab_tables_size


def exports_page(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get(reverse("lab_exports")).content.decode()


def row_of(page: str, export: Export) -> str:
    rows = re.findall(r"<tr>.*?</tr>", page, re.S)
    [row] = [r for r in rows if f"/lab-exports/{export.pk}/" in r or "<progress" in r]
    return row


def test_a_running_export_shows_rows_written_so_far(convenor, lab):
    running = Export.objects.create(
        lab=lab, requested_by=convenor, status=Export.Status.RUNNING,
        rows_done=12_000, rows_total=48_000,
    )  # fmt: skip
    page = exports_page(convenor)
    assert '<progress max="48000" value="12000" aria-label="Share done">25 %</progress>' in page
    assert "12,000 of about 48,000 rows written (25 %)" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Download" not in row_of(page, running)


def test_a_finished_export_is_ready_with_its_download_on_its_row(convenor, lab, settings, tmp_path):
    settings.EXPORTS_ROOT = tmp_path
    export = Export.objects.create(lab=lab, requested_by=convenor)
    done = lab_export_run(export.pk)
    assert done.status == Export.Status.READY and done.file.storage.exists(done.file.name)
    done.refresh_from_db()
    assert done.rows_total == lab_tables_size(lab, borough=None) > 0
    page = exports_page(convenor)
    row = row_of(page, done)
    assert "Ready" in row and f'href="/admin/lab-exports/{done.pk}/download/"' in row
    assert "<progress" not in page and 'http-equiv="refresh"' not in page
