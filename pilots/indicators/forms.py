"""The pilot editor's KPI rows offer only the shared indicators of the pilot's Lab; and the
indicator's own form keeps every Lab whose KPIs adopt it."""

from django import forms
from django.db.models import QuerySet
from wagtail.admin.forms import WagtailAdminModelForm

from designlab.models import Lab, SharedIndicator
from pilots.access.scoping import labs_for_user


def _lab_posted(form: forms.Form) -> int | None:
    """The Lab the pilot's form names: as posted, else as saved."""
    lab = form.data.get("lab") if form.is_bound else form.instance.lab_id
    return int(lab) if str(lab or "").isdigit() else None


def kpi_indicator_choices(form: forms.Form) -> QuerySet[SharedIndicator] | None:
    """Limit each KPI row of the pilot's `form` (added rows too) to the shared indicators
    of the pilot's Lab, among the user's Labs: any other posted id is "not one of the
    available choices" and nothing is saved."""
    formset = form.formsets.get("kpis")
    if formset is None:
        return None
    choices = SharedIndicator.objects.filter(labs__in=labs_for_user(form.for_user))
    lab = _lab_posted(form)
    choices = (choices.filter(labs=lab) if lab else choices).distinct()

    class LabIndicatorsForm(formset.form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["shared_indicator"].queryset = choices

    formset.form = LabIndicatorsForm  # rows added in the page
    for row in formset.forms:  # rows posted or shown
        row.fields["shared_indicator"].queryset = choices
    return choices


class SharedIndicatorForm(WagtailAdminModelForm):
    def clean_labs(self) -> QuerySet[Lab]:
        """A Lab whose pilots' KPIs adopt the indicator cannot be taken off it: those KPIs
        would then follow an indicator of another Lab, and drop out of their Lab's roll-up."""
        labs = self.cleaned_data["labs"]
        if self.instance.pk is None:
            return labs
        adopting = Lab.objects.filter(pilots__kpis__shared_indicator=self.instance).distinct()
        removed = adopting.exclude(pk__in=[lab.pk for lab in labs])
        if removed:
            names = ", ".join(lab.name for lab in removed)
            raise forms.ValidationError(
                f"KPIs of pilots in {names} adopt this indicator: keep the Lab, or have "
                "those KPIs adopt another indicator first."
            )
        return labs
