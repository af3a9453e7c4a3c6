"""The form for one reading of one KPI."""

import datetime as dt
from decimal import Decimal

from django import forms

from pilots.models import KPI


class ReadingForm(forms.Form):
    """The period is chosen from the periods the KPI owes, so it always fits the KPI's
    frequency and the pilot's dates."""

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

    def clean_value(self) -> Decimal:
        value = self.cleaned_data["value"]
        if self.kpi.unit == KPI.Unit.PERCENT and value > 100:
            raise forms.ValidationError("A percentage must be a number from 0 to 100.")
        return value
