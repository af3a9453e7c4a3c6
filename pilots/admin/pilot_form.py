"""The pilot's admin form: speaks plainly (`PlainErrorsMixin`), hands the evaluations being
submitted to the evaluation gate, and refuses to remove a KPI that has readings.

The model's `clean()` runs before the form's inline formsets are applied, so by itself it
would judge a pilot by its evaluations as they were, and refuse a save that adds a plan
and moves into delivery at once. This form passes the submitted plan along first.
"""

from pilots.access.forms import BoroughScopedForm
from pilots.admin.errors import PlainErrorsMixin
from pilots.models import Evaluation, KPIReading

KPI_KEPT = (
    "The KPI “%(name)s” has readings, so it cannot be removed: its readings and their "
    "history are kept. Nothing was saved; reload the page to start again without removing it."
)


class PilotAdminForm(PlainErrorsMixin, BoroughScopedForm):
    def clean(self) -> dict:
        cleaned = super().clean()
        formset = self.formsets.get("evaluations")
        if formset is not None and formset.is_valid():
            self.instance.submitted_evaluations = [
                Evaluation(method=form.cleaned_data.get("method") or "",
                           measures=form.cleaned_data.get("measures") or "")
                for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]  # fmt: skip
        self._kpis_with_readings_check()
        return cleaned

    def _kpis_with_readings_check(self) -> None:
        formset = self.formsets.get("kpis")
        if formset is None or not formset.is_valid():
            return
        removed = [
            form.instance.pk
            for form in formset.forms
            if form.instance.pk and form.cleaned_data.get("DELETE")
        ]
        # Only this pilot's KPIs: a posted id of another pilot's KPI names nothing.
        with_readings = (
            KPIReading.objects.filter(kpi__in=removed, kpi__pilot_id=self.instance.pk)
            .order_by("kpi__name")
            .values_list("kpi__name", flat=True)
            .distinct()
        )
        for name in with_readings:
            self.add_error(None, KPI_KEPT % {"name": name})
