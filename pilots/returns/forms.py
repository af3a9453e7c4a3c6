"""The form for uploading a filled-in return."""

from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.returns.layout import MAX_BYTES


class ReturnUploadForm(PlainErrorsMixin, forms.Form):
    file = forms.FileField(
        label="Filled-in KPI return",
        help_text=f"An .xlsx or .csv file of at most {MAX_BYTES // (1024 * 1024)} MB, "
        "made from the KPI return template.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    plain_errors = {"file": {"required": "Choose the filled-in KPI return to upload"}}
