from django import forms

from designlab.models import Officer
from pilots.admin.errors import PlainErrorsMixin


class EmailPreferencesForm(PlainErrorsMixin, forms.ModelForm):
    class Meta:
        model = Officer
        fields = ["receives_reminders", "receives_roundup"]
        labels = {
            "receives_reminders": "Remind me when my borough's KPI returns are overdue",
            "receives_roundup": "Send me the weekly round-up of new resources, sessions and "
            "case studies",
        }
