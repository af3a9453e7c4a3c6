"""The form for one reading of one KPI."""

import datetime as dt
from decimal import Decimal

from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.models import KPI

# What a reading of each unit is, in the words of the error messages.
READING_OF_UNIT = {
    KPI.Unit.COUNT: "a number, 0 or more",
    KPI.Unit.PERCENT: "a percentage: a number from 0 to 100",
    KPI.Unit.GBP: "an amount in pounds, 0 or more",
    KPI.Unit.HOURS: "a number of hours, 0 or more",
    KPI.Unit.SCORE: "a score, 0 or more",
}


class ReadingForm(PlainErrorsMixin, forms.Form):
    """The period is chosen from the periods the KPI owes, so it always fits the KPI's
    frequency and the pilot's dates."""

    period_start = forms.TypedChoiceField(label="Period", coerce=dt.date.fromisoformat)
    value = forms.DecimalField(
        label="Reading", max_digits=14, decimal_places=2, min_value=0, help_text="Numbers only."
    )
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, kpi: KPI, periods: list[tuple[dt.date, str]], **kwargs):
        reading = READING_OF_UNIT[kpi.unit]
        what = f"Enter {kpi.name} as {reading}"
        self.plain_errors = {
            "period_start": {"required": "Choose the period this reading is for"},
            "value": {key: what for key in ("required", "invalid", "min_value", "max_value")},
        }
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        self.fields["period_start"].choices = [(p.isoformat(), label) for p, label in periods]
        self.fields["value"].help_text = f"{reading[:1].upper()}{reading[1:]}."

    def clean_value(self) -> Decimal:
        value = self.cleaned_data["value"]
        if self.kpi.unit == KPI.Unit.PERCENT and value > 100:
            raise forms.ValidationError(self.fields["value"].error_messages["max_value"])
        return value
