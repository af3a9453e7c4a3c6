"""The officer's short return for one follow-up check-in."""

from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.models import FollowUp


class FollowUpForm(PlainErrorsMixin, forms.ModelForm):
    """Five answers. Who funds a pilot is asked only of one still running; the update is
    one line, as a case study shows it."""

    plain_errors = {
        "still_running": {"required": "Say whether the pilot is still running"},
        "mainstream": {"required": "Say whether the pilot is part of mainstream services"},
        "spread": {"required": "Say whether the pilot has spread to other sites"},
        "update": {"required": "Enter a one-line update"},
    }

    class Meta:
        model = FollowUp
        fields = ["still_running", "funded_by", "mainstream", "spread", "update"]
        widgets = {
            "still_running": forms.RadioSelect,
            "mainstream": forms.RadioSelect,
            "spread": forms.RadioSelect,
            "update": forms.TextInput(attrs={"size": 80}),
        }
        help_texts = {
            "funded_by": "For example the council's core budget, a grant (say whose), or a "
            "partner. Needed when the pilot is still running.",
            "update": "One line, 200 characters at most, for the public case study: what "
            "happened since the last check-in. Nothing about individuals.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("still_running", "mainstream", "spread"):
            self.fields[name].choices = self.fields[name].choices[1:]  # no empty "------"

    def clean_update(self) -> str:
        update = self.cleaned_data["update"].strip()
        if "\n" in update or "\r" in update:
            raise forms.ValidationError("Keep the update to one line")
        return update

    def clean(self) -> dict:
        data = super().clean()
        running = data.get("still_running") == FollowUp.YesNo.YES
        if running and not data.get("funded_by", "").strip():
            self.add_error("funded_by", "Say who funds the pilot now it is still running")
        if data.get("still_running") == FollowUp.YesNo.NO:
            data["funded_by"] = ""  # nobody funds what has stopped
        return data
