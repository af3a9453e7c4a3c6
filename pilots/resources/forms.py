from django import forms

from pilots.admin.errors import PlainErrorsMixin
from pilots.models import ResourceReuse


class ReuseForm(PlainErrorsMixin, forms.ModelForm):
    class Meta:
        model = ResourceReuse
        fields = ["note"]
        labels = {"note": "How you used it (optional)"}

    plain_errors = {
        "note": {"max_length": "Keep how you used it to %(limit_value)d characters or fewer"}
    }
