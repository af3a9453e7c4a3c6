"""The form for one reading of one KPI."""

import datetime as dt
from decimal import Decimal

from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.models import KPI, KPIReading

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
    # "<period>@<reading's updated_at>" as the form was loaded ("<period>@" for no reading):
    # a save from an out-of-date form is refused (see `seen_is_current`).
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

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

    @staticmethod
    def seen_of(period: dt.date, reading: KPIReading | None) -> str:
        return f"{period.isoformat()}@{reading.updated_at.isoformat() if reading else ''}"

    def seen_is_current(self, reading: KPIReading | None) -> bool:
        """Whether the reading of the chosen period is as the form showed it; call it with
        the reading locked. A form loaded for another period (or none) did not show it."""
        period = self.cleaned_data["period_start"]
        loaded_for, _, _ = self.cleaned_data["seen"].partition("@")
        if loaded_for != period.isoformat():
            return True
        return self.cleaned_data["seen"] == self.seen_of(period, reading)

    def clean_value(self) -> Decimal:
        value = self.cleaned_data["value"]
        if self.kpi.unit == KPI.Unit.PERCENT and value > 100:
            raise forms.ValidationError(self.fields["value"].error_messages["max_value"])
        return value
