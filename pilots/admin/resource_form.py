"""The shared resource's admin form: kept to the officer's borough, in plain words, and
refusing a save made from an out-of-date version."""

from typing import Any

from django import forms

from pilots.access.forms import BoroughScopedForm
from pilots.admin.errors import PlainErrorsMixin


class ResourceAdminForm(PlainErrorsMixin, BoroughScopedForm):
    plain_errors = {
        "title": {"required": "Enter a title, the name people will look for"},
        "kind": {"required": "Choose what kind of resource it is"},
    }
    # The version the form was loaded from (`updated_at`); resources keep no revisions, so
    # this is what tells a save from an out-of-date form (see StaleSaveRefusingEditView).
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()
