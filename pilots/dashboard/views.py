"""The convenors' dashboard page, and taking a snapshot of the outcomes from it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from designlab.models import Challenge, IntegrationDomain, Lab
from pilots.access.refusals import convenors_only
from pilots.admin.pages import AdminPageMixin
from pilots.dashboard.cache import dashboard_cached
from pilots.dashboard.kept import lab_dashboard
from pilots.dashboard.rows import STALE_AFTER_DAYS
from pilots.outcomes.evidence import EVIDENCE_RULE
from pilots.outcomes.ratings import outcomes_snapshot_take


@method_decorator(convenors_only, name="dispatch")
class DashboardView(AdminPageMixin, TemplateView):
    template_name = "pilots/dashboard/index.html"
    page_title = "Lab dashboard"
    header_icon = "table"

    def get_context_data(self, **kwargs) -> dict:
        labs, challenges, domains = dashboard_cached("choices", _choices, records=True)
        lab = _chosen(labs, self.request.GET.get("lab")) or (labs[0] if labs else None)
        challenge = _chosen(challenges, self.request.GET.get("challenge"))
        domain = _chosen(domains, self.request.GET.get("domain"))
        context = super().get_context_data(
            labs=labs, lab=lab, challenges=challenges, domains=domains,
            challenge=challenge, domain=domain, stale_after=STALE_AFTER_DAYS,
            evidence_rule=EVIDENCE_RULE, **kwargs,
        )  # fmt: skip
        if lab is not None:
            context.update(lab_dashboard(
                lab, challenge=challenge, domain=domain, today=timezone.localdate(),
                borough_page=self.request.GET.get("page"), kpi_page=self.request.GET.get("kpis"),
            ))  # fmt: skip
        return context


def _choices() -> tuple[list, list, list]:
    return (list(Lab.objects.order_by("-starts_on")), list(Challenge.objects.all()),
            list(IntegrationDomain.objects.all()))  # fmt: skip


def _chosen(options: list, wanted: str | None) -> object | None:
    """The option whose pk was asked for; None when absent or unknown."""
    return next((option for option in options if str(option.pk) == wanted), None)


@convenors_only
def snapshot_take(request: HttpRequest, lab_id: int) -> HttpResponse:
    """Take a snapshot of a Lab's outcomes now (POST only)."""
    lab = get_object_or_404(Lab, pk=lab_id)
    if request.method != "POST":
        return redirect(f"{reverse('lab_dashboard')}?lab={lab.pk}")
    outcomes_snapshot_take(lab)
    messages.success(request, f"Snapshot of {lab}'s outcomes taken.")
    return redirect(f"{reverse('lab_dashboard')}?lab={lab.pk}#outcomes")
