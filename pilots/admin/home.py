"""The "what is due" panel on the Wagtail admin home page."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.admin.ui.components import Component

from pilots.access.scoping import AnyUser, is_convenor, user_borough
from pilots.followups.due import follow_ups_due
from pilots.models import KPI, FollowUp, KPIReading, Milestone, Pilot, SharedResource
from pilots.readings.due import missing_readings


class DuePanel(Component):
    """A borough's pilots, where each stands with the GLA, and what is due, each item
    linking to the form that fixes it, readings returned for correction first. Convenors
    see how many readings and which resources await their review instead."""

    name = "pilots_due"
    order = 50
    template_name = "pilots/admin/home_due_panel.html"

    def __init__(self, user: AbstractBaseUser):
        self.user = user

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        # A component renders its template with this context alone, without the request's
        # context processors: the request and the CSRF token must be handed on, as
        # Wagtail's own home panels do, or the panel's forms post no token.
        parent_context = parent_context or {}
        context = {
            "request": parent_context.get("request"),
            "csrf_token": parent_context.get("csrf_token"),
        }
        borough = user_borough(self.user)
        awaiting = SharedResource.objects.awaiting_review().select_related("borough")
        if borough is None:
            return context | {
                "borough": None,
                "awaiting_review": list(awaiting),
                "readings_to_review": KPIReading.objects.to_review().count(),
                "follow_ups_to_review": FollowUp.objects.to_review().count(),
            }
        today = timezone.localdate()
        pilots = Pilot.objects.filter(borough=borough)
        without_plan = pilots.in_delivery().filter(evaluation_override_reason="")
        kpis = KPI.objects.with_latest_reading().order_by("sort_order", "pk")
        return context | {
            "borough": borough,
            "pilots": pilots.with_approval()
            .prefetch_related(Prefetch("kpis", kpis))
            .order_by("title"),
            "missing": missing_readings(borough, today),
            "milestones": list(
                Milestone.objects.overdue(today)
                .filter(pilot__borough=borough)
                .select_related("pilot")
            ),
            "no_plan": [
                p
                for p in without_plan.prefetch_related("evaluations")
                if not p.has_evaluation_plan()
            ],
            "awaiting_review": list(awaiting.filter(borough=borough)),
            "returned": list(
                KPIReading.objects.filter(
                    kpi__pilot__borough=borough, status=KPIReading.Status.RETURNED
                )
                .select_related("kpi")
                .order_by("kpi__name", "period_start")
            ),
            "follow_ups": follow_ups_due(today, borough),
        }

    @staticmethod
    def wanted_by(user: AnyUser) -> bool:
        return user_borough(user) is not None or is_convenor(user)
