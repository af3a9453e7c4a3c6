"""The pilot's admin form: speaks plainly (`PlainErrorsMixin`), hands the evaluations being
submitted to the evaluation gate, and refuses to remove a KPI that has readings.

The model's `clean()` runs before the form's inline formsets are applied, so by itself it
would judge a pilot by its evaluations as they were, and refuse a save that adds a plan
and moves into delivery at once. This form passes the submitted plan along first.
"""

from pilots.access.forms import BoroughScopedForm
from pilots.admin.errors import PlainErrorsMixin
from pilots.indicators.forms import kpi_indicator_choices
from pilots.models import KPI, Evaluation, KPIReading
from pilots.readings.periods import period_start_of

KPI_KEPT = (
    "The KPI “%(name)s” has readings, so it cannot be removed: its readings and their "
    "history are kept. Nothing was saved; reload the page to start again without removing it."
)


PERIOD_START = (
    "The target for “%(kpi)s” starting %(start)s does not start a %(frequency)s period; "
    "use %(fix)s."
)


def _targets_form(form_class: type, kpis) -> type:
    class OwnKPIsForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["kpi"].queryset = kpis

    return OwnKPIsForm


class PilotAdminForm(PlainErrorsMixin, BoroughScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        targets = self.formsets.get("kpi_targets")
        if targets is not None:
            # A target names one of this pilot's saved KPIs, never another borough's.
            own = KPI.objects.filter(pilot_id=self.instance.pk if self.instance.pk else None)
            targets.form = _targets_form(targets.form, own)  # for rows added in the page
            for form in targets.forms:  # the rows posted or shown
                form.fields["kpi"].queryset = own
        kpi_indicator_choices(self)

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
        self._targets_check()
        return cleaned

    def _targets_check(self) -> None:
        formset = self.formsets.get("kpi_targets")
        if formset is None or not formset.is_valid():
            return
        for form in formset.forms:
            kpi, start = form.cleaned_data.get("kpi"), form.cleaned_data.get("period_start")
            if form.cleaned_data.get("DELETE") or kpi is None or start is None:
                continue
            if start != period_start_of(start, kpi.frequency):
                self.add_error(None, PERIOD_START % {
                    "kpi": kpi.name, "start": f"{start:%d %B %Y}",
                    "frequency": kpi.get_frequency_display().lower(),
                    "fix": f"{period_start_of(start, kpi.frequency):%d %B %Y}",
                })  # fmt: skip

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
