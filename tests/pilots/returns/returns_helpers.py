"""Building return files for real (openpyxl, csv, zipfile) and importing them the way
the upload view and the command do."""

import datetime as dt
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Revision

from cms.uploads import UploadRefused
from pilots.models import KPIReading, ReturnUpload
from pilots.returns.imports import import_kpi_return, return_upload_create
from pilots.returns.layout import COLUMNS, CONFIRM
from pilots.returns.template import return_template_write

TODAY = dt.date(2026, 1, 15)


def template_book(borough) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    return_template_write(borough, buffer, today=TODAY)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def book_bytes(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filled(borough, values: dict[tuple[int, dt.date], object], confirm: str = "") -> bytes:
    """The borough's template with `values` typed into the Value column, and `confirm` as
    the reason in the Confirm column of those rows (for figures the checks call unusual)."""
    book = template_book(borough)
    sheet = book["Return"]
    confirm_at = COLUMNS.index(CONFIRM)
    for row in sheet.iter_rows(min_row=2):
        key = (row[0].value, row[5].value.date())
        if key in values:
            row[7].value = values[key]
            if confirm:
                row[confirm_at].value = confirm
    return book_bytes(book)


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def import_bytes(borough, content: bytes, name: str = "return.xlsx", user=None):
    """Upload and import; returns the ReturnUpload, or the refusal message when the
    upload check refused the file before anything was stored."""
    try:
        stored = return_upload_create(borough=borough, file=upload(content, name), user=user)
    except UploadRefused as refusal:
        return refusal.messages[0]
    return import_kpi_return(stored.pk)


def database_state() -> tuple:
    """Everything an import could change."""
    return (
        list(KPIReading.objects.order_by("pk").values_list("pk", "kpi_id", "period_start",
                                                           "value", "note", "updated_at")),
        Revision.objects.count(),
        ReturnUpload.objects.filter(status=ReturnUpload.Status.DONE).count(),
    )  # fmt: skip
