"""Template helpers of the tracker's admin pages: figures shown by the rules on the models,
and the error summary of a form."""

from decimal import Decimal

from django import forms, template
from django.utils.safestring import SafeString

from pilots.admin.errors import error_summary_html
from pilots.models import KPI, Status

register = template.Library()


@register.filter
def figure(value: Decimal | None) -> str:
    """A baseline, target or reading: `KPI.figure_shown`."""
    return KPI.figure_shown(value)


@register.filter
def progress(kpi: KPI) -> int | None:
    """Progress to target of a KPI annotated `with_latest_reading()`."""
    return kpi.progress_to_target(kpi.latest_value, period_target=kpi.latest_target)


@register.filter
def latest_status(kpi: KPI) -> Status | None:
    """Status against target of the latest reading of a KPI annotated `with_latest_reading()`."""
    return kpi.status_against_target(kpi.latest_value, period_target=kpi.latest_target)


@register.inclusion_tag("pilots/status.html")
def status(status: Status | None) -> dict:
    """A status as a word with its symbol (never colour alone); "–" when there is none."""
    return {"status": status}


@register.simple_tag
def error_summary(form: forms.BaseForm) -> SafeString:
    """The summary of `form`'s errors, with a link to each field; nothing when it has none."""
    return error_summary_html(form) if form.is_bound else SafeString("")
