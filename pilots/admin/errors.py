"""Forms that speak plainly, in the GOV.UK style: labels in everyday words, error messages
that say what to do ("Enter a title", "Choose a borough from the list"), never Django's
defaults, and an error summary at the top of the page linking to each field.

A form adopts this with `PlainErrorsMixin` (first among its bases); a page shows the summary
with `{% error_summary form %}` (`pilots_admin` tags); a snippet create or edit view shows
it as its error message with `PlainErrorsViewMixin`.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail.admin import messages

# The same words for the same fields on every form and page.
PLAIN_LABELS = {
    "provenance": "Where this came from",
    "source_note": "Source details",
    "url": "Web address",
}


def _lower(label: str) -> str:
    """ "Planned start" → "planned start"; keeps acronyms such as "KPI"."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def plain_messages(field: forms.Field, label: str) -> dict[str, str]:
    """What to do, for each way `field` can be wrong."""
    what = _lower(label)
    choosing = isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField)
    verb = "Choose" if choosing else "Enter"
    messages = {
        "required": f"{verb} {what}",
        "invalid_choice": f"Choose {what} from the list",
        "invalid_pk_value": f"Choose {what} from the list",
        "max_length": f"{label} must be %(limit_value)d characters or fewer",
        "min_length": f"{label} must be %(limit_value)d characters or more",
    }
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        messages |= {
            "invalid": f"Enter {what} as a number, like 12 or 4.5",
            "min_value": f"Enter {what} as a number, %(limit_value)s or more",
            "max_value": f"Enter {what} as a number, %(limit_value)s or less",
            "max_digits": f"Enter {what} as a number with at most %(max)s digits",
            "max_decimal_places": f"Enter {what} with at most %(max)s decimal places",
        }
    elif isinstance(field, forms.URLField):
        messages["invalid"] = "Enter a web address starting with https://, like https://example.org"
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        messages["invalid"] = f"Enter {what} as a real date, like 2024-03-31"
    elif isinstance(field, forms.FileField):
        messages |= {
            "required": f"Choose {what} to upload",
            "empty": "The file you chose is empty: choose the filled-in file",
            "invalid": f"Choose {what} to upload",
        }
    return messages


def _speak_plainly(form: forms.BaseForm, overrides: dict[str, dict[str, str]]) -> None:
    for name, field in form.fields.items():
        if name in PLAIN_LABELS and field.label in (None, "", name.replace("_", " ").capitalize()):
            field.label = PLAIN_LABELS[name]
        label = field.label or name.replace("_", " ").capitalize()
        field.error_messages = {
            **field.error_messages,
            **plain_messages(field, label),
            **overrides.get(name, {}),
        }


class PlainErrorsMixin:
    """Plain labels and messages on the form's fields and on every row of its inline
    formsets (a pilot's milestones, KPIs, …). `plain_errors` gives a field its own words:
    {"value": {"required": "Enter the number of people, 0 or more"}}."""

    plain_errors: dict[str, dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _speak_plainly(self, self.plain_errors)
        for formset in getattr(self, "formsets", {}).values():
            for child in [*formset.forms, formset.empty_form]:
                _speak_plainly(child, {})


@dataclass(frozen=True)
class ErrorLink:
    href: str  # the field to go to, e.g. "#id_title"
    message: str


def _field_errors(form: forms.BaseForm, prefix: str) -> list[ErrorLink]:
    links = []
    for name, errors in form.errors.items():
        if name in form.fields:
            href = f"#{form[name].id_for_label or form[name].auto_id}"
            links += [ErrorLink(href, f"{prefix}{error}") for error in errors]
        else:  # about the form as a whole: go to the form
            links += [ErrorLink("#main", f"{prefix}{error}") for error in errors]
    return links


def error_links(form: forms.BaseForm) -> list[ErrorLink]:
    """Every error of `form` and its inline formsets, in page order, each with the field
    it is about."""
    links = _field_errors(form, "")
    for formset in getattr(form, "formsets", {}).values():
        noun = formset.model._meta.verbose_name
        href = f"#id_{formset.prefix}-TOTAL_FORMS"
        links += [ErrorLink(href, str(error)) for error in formset.non_form_errors()]
        for number, child in enumerate(formset.forms, start=1):
            if child.errors and not getattr(child, "cleaned_data", {}).get("DELETE"):
                links += _field_errors(child, f"{noun[:1].upper()}{noun[1:]} {number}: ")
    return links


def error_summary_html(form: forms.BaseForm) -> SafeString:
    return render_to_string("pilots/admin/error_summary.html", {"errors": error_links(form)})


class PlainErrorsViewMixin:
    """For a Wagtail snippet create or edit view: its refusal is the form's error summary,
    each error linking to its field (on whichever tab of the editor it is)."""

    def form_invalid(self, form: forms.BaseForm) -> HttpResponse:
        if not self.expects_json_response and error_links(form):
            messages.error(self.request, error_summary_html(form))
            self.produced_error_message = None  # instead of Wagtail's "could not be saved"
        return super().form_invalid(form)
