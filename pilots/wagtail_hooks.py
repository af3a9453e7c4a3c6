from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from designlab.criteria import Outcome
from pilots import dashboard, export_views, views
from pilots.home_panel import DuePanel
from pilots.models import Pilot, SharedResource
from pilots.permissions import BoroughPermissionPolicy, SharedResourcePermissionPolicy
from pilots.reports import Table1ReportView
from pilots.scoping import is_convenor, user_borough, user_may_read_resource
from pilots.viewsets import (
    DesignLabViewSetGroup,
    PilotViewSet,
    ReferenceViewSet,
    SharedResourceViewSet,
)

# Policies before anything asks for one: Wagtail would otherwise create a fallback.
register_permission_policy(Pilot, BoroughPermissionPolicy(Pilot))
register_permission_policy(SharedResource, SharedResourcePermissionPolicy(SharedResource))

register_snippet(PilotViewSet)
register_snippet(SharedResourceViewSet)
register_snippet(DesignLabViewSetGroup)


# Officers keeping pilots current: returns, readings, resources, emails.


@hooks.register("register_admin_urls")
def pilots_officer_urls():
    return [
        path("returns/", views.returns_index, name="pilots_returns"),
        path("returns/<slug:borough>/", views.returns_borough, name="pilots_returns_borough"),
        path(
            "returns/<slug:borough>/template.xlsx",
            views.return_template,
            name="pilots_return_template",
        ),
        path("returns/uploads/<int:pk>/", views.return_status, name="pilots_return_status"),
        path("readings/<int:kpi>/", views.readings, name="pilots_readings"),
        path("resources/<int:pk>/reuse/", views.resource_reuse, name="pilots_resource_reuse"),
        path("resources/<int:pk>/approve/", views.resource_approve, name="pilots_resource_approve"),
        path("email-preferences/", views.email_preferences, name="pilots_email_preferences"),
    ]


class OfficerOrConvenorMenuItem(MenuItem):
    def is_shown(self, request):
        return user_borough(request.user) is not None or is_convenor(request.user)


@hooks.register("register_admin_menu_item")
def pilots_returns_menu_item():
    return OfficerOrConvenorMenuItem(
        "KPI returns", reverse("pilots_returns"), icon_name="table", order=105
    )


@hooks.register("construct_homepage_panels")
def pilots_due_panel(request, panels):
    if DuePanel.wanted_by(request.user):
        panels.append(DuePanel(request.user))


@hooks.register("register_snippet_listing_buttons")
def pilots_resource_buttons(instance, user, next_url=None):
    if not isinstance(instance, SharedResource):
        return []
    borough = user_borough(user)
    if borough is not None and borough.pk != instance.borough_id:
        return [
            ListingButton(
                "We reused this",
                reverse("pilots_resource_reuse", args=[instance.pk]),
                icon_name="tick",
                priority=20,
            )  # fmt: skip
        ]
    return []


@hooks.register("register_log_actions")
def pilots_log_actions(actions):
    actions.register_action("pilots.return_imported", "Import KPI return", "KPI return imported")
    actions.register_action("pilots.return_refused", "Refuse KPI return", "KPI return refused")
    actions.register_action("pilots.resource_reused", "Record reuse", "Reuse recorded")
    actions.register_action(
        "pilots.resource_approved", "Approve for the public", "Approved for the public"
    )


# Convenors' dashboard, Lab outcomes, exports and Table 1.


class OutcomeViewSet(ReferenceViewSet):
    """Convenors set each outcome's measures and thresholds. Officers hold no permission
    on outcomes, so Wagtail refuses them; the chooser refuses them too."""

    model = Outcome
    icon = "tasks"
    menu_label = "Lab outcomes"
    menu_order = 95
    add_to_admin_menu = True
    list_display = ["__str__", "lab", "number"]
    list_filter = ["lab"]
    ordering = ["lab", "number"]


register_snippet(OutcomeViewSet)


@hooks.register("register_admin_urls")
def pilots_lab_urls():
    return [
        path("lab-dashboard/", dashboard.DashboardView.as_view(), name="lab_dashboard"),
        path(
            "lab-dashboard/<int:lab_id>/snapshot/",
            dashboard.snapshot_take,
            name="lab_outcomes_snapshot",
        ),
        path("lab-exports/", export_views.ExportsView.as_view(), name="lab_exports"),
        path(
            "lab-exports/<int:pk>/download/",
            export_views.export_download,
            name="lab_export_download",
        ),
        path(
            "lab-exports/<slug:slug>/<slug:table>.csv",
            export_views.table_csv,
            name="lab_export_csv",
        ),
        path("reports/lab-table-1/", Table1ReportView.as_view(), name="lab_table_1"),
        path(
            "reports/lab-table-1/results/",
            Table1ReportView.as_view(results_only=True),
            name="lab_table_1_results",
        ),
    ]


class ConvenorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_convenor(request.user)


@hooks.register("register_admin_menu_item")
def pilots_dashboard_menu_item():
    return ConvenorMenuItem("Lab dashboard", reverse("lab_dashboard"), icon_name="view", order=90)


@hooks.register("register_admin_menu_item")
def pilots_exports_menu_item():
    return OfficerOrConvenorMenuItem(
        "Exports", reverse("lab_exports"), icon_name="download", order=110
    )


@hooks.register("register_reports_menu_item")
def pilots_table_1_menu_item():
    return OfficerOrConvenorMenuItem(
        "Table 1: pilot initiatives", reverse("lab_table_1"), icon_name="table", order=50
    )


@hooks.register("register_log_actions")
def pilots_export_log_actions(actions):
    actions.register_action(
        "pilots.lab_export_requested", "Request a Lab export", "Lab export requested"
    )


@hooks.register("before_serve_document")
def pilots_participants_only_documents(document, request):
    """The document of a resource shared with Lab participants only is served only to
    those who may read the resource, until a convenor approves it for the public."""
    resources = list(SharedResource.objects.filter(document=document))
    if not resources or any(r.is_public for r in resources):
        return None
    if any(user_may_read_resource(request.user, r) for r in resources):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden("This document is shared with Lab participants only.")
