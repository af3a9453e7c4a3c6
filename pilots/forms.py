"""Forms of the officers' admin views (returns, readings, resources, email preferences)."""

import datetime as dt

from django import forms

from designlab.models import Officer
from pilots.models import KPI, ResourceReuse
from pilots.returns import MAX_BYTES


class ReturnUploadForm(forms.Form):
    file = forms.FileField(
        label="Filled-in return",
        help_text=f"An .xlsx or .csv file of at most {MAX_BYTES // (1024 * 1024)} MB, "
        "made from the return template.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class ReadingForm(forms.Form):
    """One reading of one KPI. The period is chosen from the periods the KPI owes, so it
    always fits the KPI's frequency and the pilot's dates."""

    period_start = forms.TypedChoiceField(label="Period", coerce=dt.date.fromisoformat)
    value = forms.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, help_text="Numbers only."
    )
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, kpi: KPI, periods: list[tuple[dt.date, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        self.fields["period_start"].choices = [(p.isoformat(), label) for p, label in periods]
        if kpi.unit == KPI.Unit.PERCENT:
            self.fields["value"].help_text = "A percentage: a number from 0 to 100."

    def clean_value(self):
        value = self.cleaned_data["value"]
        if self.kpi.unit == KPI.Unit.PERCENT and value > 100:
            raise forms.ValidationError("A percentage must be a number from 0 to 100.")
        return value


class ReuseForm(forms.ModelForm):
    class Meta:
        model = ResourceReuse
        fields = ["note"]
        labels = {"note": "How you used it (optional)"}


class EmailPreferencesForm(forms.ModelForm):
    class Meta:
        model = Officer
        fields = ["receives_reminders", "receives_roundup"]
        labels = {
            "receives_reminders": "Remind me when my borough's KPI returns are overdue",
            "receives_roundup": "Send me the weekly round-up of new resources, sessions and "
            "case studies",
        }
