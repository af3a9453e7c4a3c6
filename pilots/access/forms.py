"""Admin forms that keep an officer inside their borough.

An officer is offered only their own borough and the Labs it takes part in, so a posted
id of another borough fails validation ("Select a valid choice") and nothing is saved.
Publishing is not a form field: the edit view offers the publish action only to users
with the publish permission (convenors), so a posted `live` or `action-publish` from an
officer never publishes. A shared resource's approval for the public site covers what the
convenor saw: an officer's change withdraws it until a convenor approves again.
"""

from typing import Any

from django import forms
from django.db.models import Model
from wagtail.admin.forms import WagtailAdminModelForm

from pilots.access.scoping import AnyUser, boroughs_for_user, is_convenor, labs_for_user


class BoroughScopedForm(WagtailAdminModelForm):
    """The admin form of pilots and shared resources (models with `lab` and `borough`)."""

    def __init__(self, *args: Any, for_user: AnyUser | None = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        boroughs = boroughs_for_user(for_user)
        for name, choices in (("borough", boroughs), ("lab", labs_for_user(for_user))):
            if name in self.fields:
                # A plain select: the snippet chooser would list every borough.
                self.fields[name].widget = forms.Select()
                self.fields[name].queryset = choices
        if not self.instance.pk:
            # An officer's own borough, and its Lab when there is only one, come chosen.
            for name in ("borough", "lab"):
                choices = self.fields[name].queryset if name in self.fields else []
                if len(choices) == 1:
                    self.initial.setdefault(name, choices[0].pk)

    def clean(self) -> dict:
        cleaned = super().clean()
        lab, borough = cleaned.get("lab"), cleaned.get("borough")
        if lab and borough and not lab.participations.filter(borough=borough).exists():
            self.add_error("borough", f"{borough} does not take part in {lab}.")
        if {"document", "url"} <= set(self.fields) and not (
            cleaned.get("document") or cleaned.get("url")
        ):
            raise forms.ValidationError("Add a document or a link: a resource shares one.")
        return cleaned

    def save(self, commit: bool = True) -> Model:
        if (
            getattr(self.instance, "approved_at", None)
            and self.has_changed()
            and not is_convenor(self.for_user)
        ):
            self.instance.approved_at = None
        return super().save(commit=commit)
