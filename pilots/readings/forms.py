"""The form for one reading of one KPI, with its story and the checks on its figures
(`pilots.readings.quality`)."""

import datetime as dt
from decimal import Decimal

from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.models import KPI, KPIReading
from pilots.readings import quality
from pilots.readings.parts import parts_problem

# What a reading of each unit is, in the words of the error messages.
READING_OF_UNIT = {
    KPI.Unit.COUNT: "a number, 0 or more",
    KPI.Unit.PERCENT: "a percentage: a number from 0 to 100",
    KPI.Unit.GBP: "an amount in pounds, 0 or more",
    KPI.Unit.HOURS: "a number of hours, 0 or more",
    KPI.Unit.SCORE: "a score, 0 or more",
}
STORY = {"rows": 3}


class ReadingForm(PlainErrorsMixin, forms.Form):
    """The period is chosen from the periods the KPI owes, so it always fits the KPI's
    frequency and the pilot's dates. A percentage entered as two counts has the counts
    instead of the value."""

    period_start = forms.TypedChoiceField(label="Period", coerce=dt.date.fromisoformat)
    value = forms.DecimalField(
        label="Reading", max_digits=14, decimal_places=2, min_value=0, help_text="Numbers only."
    )
    numerator = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text="The part counted, such as the people placed.",
    )
    denominator = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text="The whole, such as the "
        "people referred. The percentage is worked out from the two.",
    )
    note = forms.CharField(max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    what_happened = forms.CharField(
        label="What happened", max_length=1000, required=False,
        widget=forms.Textarea(attrs=STORY),
        help_text="Why the figure differs from the target, or why a total to date fell. "
        "Nothing about individuals.",
    )  # fmt: skip
    next_step = forms.CharField(
        label="Next step", max_length=1000, required=False, widget=forms.Textarea(attrs=STORY)
    )
    confirm = forms.BooleanField(
        label="This unusual figure is right", required=False,
        help_text="Only needed when the figure is outside the KPI's plausible range, or "
        "more than three times (or under a third of) the previous period's.",
    )  # fmt: skip
    confirm_reason = forms.CharField(
        label="Why the unusual figure is right", max_length=500, required=False
    )
    # "<period>@<reading's updated_at>" as the form was loaded ("<period>@" for no reading):
    # a save from an out-of-date form is refused (see `seen_is_current`).
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args, kpi: KPI, periods: list[tuple[dt.date, str]], categories=(), **kwargs
    ):
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
        if kpi.entered_as_ratio:
            del self.fields["value"]
        else:
            del self.fields["numerator"], self.fields["denominator"]
        self.categories = list(categories)  # of the KPI's breakdown, when it is split
        self.fields.update(part_fields(kpi, self.categories))

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

    def clean(self) -> dict:
        data = super().clean()
        if self.kpi.entered_as_ratio:
            numerator, denominator = data.get("numerator"), data.get("denominator")
            if "numerator" in self.errors or "denominator" in self.errors:
                return data
            if problem := quality.ratio_problem(self.kpi, numerator, denominator):
                self.add_error("denominator" if numerator is not None else "numerator", problem)
                return data
            data["value"] = quality.ratio_percent(numerator, denominator)
        value, start = data.get("value"), data.get("period_start")
        if value is None or start is None:
            return data
        previous = quality.previous_values({(self.kpi.pk, start): value})[(self.kpi.pk, start)]
        why = data.get("what_happened", "")
        if problem := quality.fall_problem(self.kpi, value, previous, why):
            self.add_error("what_happened", problem)
        warning = quality.unusual(self.kpi, value, previous)
        reason = data.get("confirm_reason", "").strip()
        if warning and not (data.get("confirm") and reason):
            self.add_error("confirm", quality.unconfirmed(warning))
        parts = {c.pk: data[f"part_{c.pk}"] for c in self.categories
                 if data.get(f"part_{c.pk}") is not None}  # fmt: skip
        parts_reason = data.get("parts_reason", "").strip()
        if self.categories and (problem := parts_problem(self.kpi, value, parts, parts_reason)):
            self.add_error("parts_reason", problem)
        data["details"] = {
            "what_happened": why.strip(),
            "next_step": data.get("next_step", "").strip(),
            "numerator": data.get("numerator"),
            "denominator": data.get("denominator"),
            "quality_warning": warning or "",
            "quality_reason": reason if warning else "",
        }
        if self.categories:
            data["details"]["parts"] = parts
            data["details"]["parts_reason"] = parts_reason
        return data


def part_fields(kpi: KPI, categories: list) -> dict[str, forms.Field]:
    """One input per category of a split KPI, and the reason its parts need not add up."""
    if not categories:
        return {}
    what = f"Enter {kpi.name} for this category as {READING_OF_UNIT[kpi.unit]}"
    errors = {key: what for key in ("invalid", "min_value", "max_value")}
    fields = {
        f"part_{c.pk}": forms.DecimalField(
            label=f"{kpi.split_by.name}: {c.name}",
            max_digits=14,
            decimal_places=2,
            min_value=0,
            max_value=100 if kpi.unit == KPI.Unit.PERCENT else None,
            required=False,
            error_messages=errors,
        )  # fmt: skip
        for c in categories
    }
    fields["parts_reason"] = forms.CharField(
        label="Why the categories do not add up to the total", max_length=500, required=False,
        help_text="Only needed when the categories of a count do not add up to its total, "
        "for example because some people did not say. Leave every category empty if there "
        "is no breakdown for this period.",
    )  # fmt: skip
    return fields
