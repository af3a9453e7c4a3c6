"""The form for uploading a filled-in return."""

from django import forms

from pilots.returns.layout import MAX_BYTES


class ReturnUploadForm(forms.Form):
    file = forms.FileField(
        label="Filled-in return",
        help_text=f"An .xlsx or .csv file of at most {MAX_BYTES // (1024 * 1024)} MB, "
        "made from the return template.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
