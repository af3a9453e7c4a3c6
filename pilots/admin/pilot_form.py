"""The pilot's admin form: speaks plainly (`PlainErrorsMixin`) and hands the evaluations
being submitted to the evaluation gate.

The model's `clean()` runs before the form's inline formsets are applied, so by itself it
would judge a pilot by its evaluations as they were, and refuse a save that adds a plan
and moves into delivery at once. This form passes the submitted plan along first.
"""

from pilots.access.forms import BoroughScopedForm
from pilots.admin.errors import PlainErrorsMixin
from pilots.models import Evaluation


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
        return cleaned
