from django import forms

from pilots.models import ResourceReuse


class ReuseForm(forms.ModelForm):
    class Meta:
        model = ResourceReuse
        fields = ["note"]
        labels = {"note": "How you used it (optional)"}
