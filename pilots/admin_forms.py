"""Admin forms that keep an officer inside their borough.

An officer is offered only their own borough and the Labs it takes part in, so a posted
id of another borough fails validation ("Select a valid choice") and nothing is saved.
Publishing is not a form field: the edit view offers the publish action only to users
with the publish permission (convenors), so a posted `live` or `action-publish` from an
officer never publishes.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from pilots.scoping import boroughs_for_user, labs_for_user


class BoroughScopedForm(WagtailAdminModelForm):
    """The admin form of pilots and shared resources (models with `lab` and `borough`)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        boroughs = boroughs_for_user(for_user)
        for name, choices in (("borough", boroughs), ("lab", labs_for_user(for_user))):
            if name in self.fields:
                # A plain select: the snippet chooser would list every borough.
                self.fields[name].widget = forms.Select()
                self.fields[name].queryset = choices
        if "borough" in self.fields and not self.instance.pk and len(boroughs) == 1:
            self.initial.setdefault("borough", boroughs[0].pk)

    def clean(self):
        cleaned = super().clean()
        lab, borough = cleaned.get("lab"), cleaned.get("borough")
        if lab and borough and not lab.participations.filter(borough=borough).exists():
            self.add_error("borough", f"{borough} does not take part in {lab}.")
        return cleaned
