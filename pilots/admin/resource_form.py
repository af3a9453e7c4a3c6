"""The shared resource's admin form: kept to the officer's borough, in plain words."""

from pilots.access.forms import BoroughScopedForm
from pilots.admin.errors import PlainErrorsMixin


class ResourceAdminForm(PlainErrorsMixin, BoroughScopedForm):
    plain_errors = {
        "title": {"required": "Enter a title, the name people will look for"},
        "kind": {"required": "Choose what kind of resource it is"},
    }
