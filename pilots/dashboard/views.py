"""The convenors' dashboard page, and taking a snapshot of the outcomes from it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from designlab.models import Challenge, IntegrationDomain, Lab, OutcomeSnapshot
from pilots.access.refusals import convenors_only
from pilots.admin.pages import AdminPageMixin
from pilots.dashboard.cache import dashboard_cached
from pilots.dashboard.charts import dashboard_charts
from pilots.dashboard.data import (
    dashboard_data,
    dashboard_pilots,
    lab_exchange_data,
    rows_exchange_join,
)
from pilots.dashboard.rows import STALE_AFTER_DAYS
from pilots.dashboard.story import kpi_lines
from pilots.outcomes.evidence import EVIDENCE_RULE
from pilots.outcomes.ratings import outcomes_defined, outcomes_rated, outcomes_snapshot_take

BOROUGHS_PER_PAGE = 25
KPI_LINES_PER_PAGE = 100


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
            today = timezone.localdate()
            key = f"{lab.pk}:{getattr(challenge, 'pk', '')}:{getattr(domain, 'pk', '')}:{today}"
            defined = dashboard_cached(
                f"outcomes-defined:{lab.pk}", lambda: outcomes_defined(lab), records=True
            )
            data = dashboard_cached(key, lambda: dashboard_data(
                lab, cohort=defined.cohort, challenge=challenge, domain=domain, today=today
            ))  # fmt: skip
            exchange = dashboard_cached(
                f"exchange:{lab.pk}", lambda: lab_exchange_data(lab), records=True
            )
            rows_exchange_join(data["boroughs"], exchange)
            context.update(data, sessions=exchange["sessions"], edges=exchange["edges"])
            # Rated from the pilots' kept figures: after a publish, one query.
            context["outcomes"] = dashboard_cached(
                f"outcomes:{lab.pk}:{today}", lambda: outcomes_rated(defined, today=today)
            )
            context["snapshots"] = dashboard_cached(
                f"snapshots:{lab.pk}",
                lambda: list(OutcomeSnapshot.objects.filter(lab=lab)[:8]),
                records=True,
            )
            # A national Lab has hundreds of boroughs: their rows a page at a time, so
            # the page stays a size a council laptop opens quickly.
            rows = Paginator(data["boroughs"], BOROUGHS_PER_PAGE).get_page(
                self.request.GET.get("page")
            )
            context["boroughs"] = rows.object_list
            context["borough_page"] = rows
            context["charts"] = dashboard_charts(
                rows.object_list, exchange["sessions"], everyone=data["boroughs"]
            )
            # And its KPIs (tens of thousands) a page at a time too.
            lines = Paginator(range(data["totals"]["kpis"]), KPI_LINES_PER_PAGE).get_page(
                self.request.GET.get("kpis")
            )
            context["kpi_page"] = lines
            context["kpi_lines"] = dashboard_cached(f"{key}:kpis:{lines.number}", lambda: kpi_lines(
                dashboard_pilots(lab, challenge=challenge, domain=domain),
                max(lines.start_index() - 1, 0), lines.end_index(),
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
