"""The tracker's place in the Wagtail admin: permission policies, snippets, URLs, menus,
home panels, buttons and audit-log actions. Each capability keeps its views and URLs in
its own package; this module only registers them."""

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import URLPattern, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry, LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet

from designlab.models import SharedIndicator
from pilots.access.bulk_actions import SCOPED_BULK_ACTIONS
from pilots.access.policies import (
    BoroughPermissionPolicy,
    LabPermissionPolicy,
    SharedResourcePermissionPolicy,
)
from pilots.admin.approval import pilot_action_menu
from pilots.admin.home import DuePanel
from pilots.admin.menus import ConvenorMenuItem, ParticipantMenuItem
from pilots.admin.reference import DesignLabViewSetGroup, OutcomeViewSet
from pilots.admin.viewsets import PilotViewSet, SharedResourceViewSet
from pilots.dashboard.urls import urlpatterns as dashboard_urls
from pilots.exports.urls import urlpatterns as exports_urls
from pilots.followups.review import STATUS_ACTIONS as FOLLOW_UP_ACTIONS
from pilots.followups.urls import urlpatterns as followups_urls
from pilots.indicators.urls import urlpatterns as indicators_urls
from pilots.indicators.viewsets import SharedIndicatorViewSet
from pilots.labs.urls import urlpatterns as labs_urls
from pilots.models import Pilot, SharedResource
from pilots.notifications.urls import urlpatterns as notifications_urls
from pilots.readings.history import STATUS_ACTIONS
from pilots.readings.urls import urlpatterns as readings_urls
from pilots.resources.buttons import ApproveForThePublicMenuItem, resource_listing_buttons
from pilots.resources.documents import participants_only_document
from pilots.resources.urls import urlpatterns as resources_urls
from pilots.returns.urls import urlpatterns as returns_urls

# Policies before anything asks for one: Wagtail would otherwise create a fallback.
register_permission_policy(Pilot, BoroughPermissionPolicy(Pilot))
register_permission_policy(SharedResource, SharedResourcePermissionPolicy(SharedResource))
register_permission_policy(SharedIndicator, LabPermissionPolicy(SharedIndicator))

register_snippet(PilotViewSet)
register_snippet(SharedResourceViewSet)
register_snippet(DesignLabViewSetGroup)
register_snippet(OutcomeViewSet)
register_snippet(SharedIndicatorViewSet)

hooks.register("before_serve_document", participants_only_document)
hooks.register("construct_snippet_action_menu", pilot_action_menu)
hooks.register("register_snippet_listing_buttons", resource_listing_buttons)


@hooks.register("register_snippet_action_menu_item")
def pilots_approve_menu_item(model: type) -> ActionMenuItem | None:
    return ApproveForThePublicMenuItem(order=90) if model is SharedResource else None


@hooks.register("insert_global_admin_css")
def pilots_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("pilots/admin.css"))


@hooks.register("insert_global_admin_js")
def pilots_admin_js() -> str:
    return format_html('<script src="{}" defer></script>', static("pilots/admin.js"))


# After Wagtail's own (order 0), which they replace.
for action in SCOPED_BULK_ACTIONS:
    hooks.register("register_bulk_action", action, order=1)


@hooks.register("register_admin_urls")
def pilots_admin_urls() -> list[URLPattern]:
    return [
        *returns_urls,
        *readings_urls,
        *resources_urls,
        *notifications_urls,
        *dashboard_urls,
        *exports_urls,
        *labs_urls,
        *indicators_urls,
        *followups_urls,
    ]


@hooks.register("register_admin_menu_item")
def pilots_returns_menu_item() -> ParticipantMenuItem:
    return ParticipantMenuItem(
        "KPI returns", reverse("pilots_returns"), icon_name="table", order=105
    )


@hooks.register("register_admin_menu_item")
def pilots_dashboard_menu_item() -> ConvenorMenuItem:
    return ConvenorMenuItem("Lab dashboard", reverse("lab_dashboard"), icon_name="view", order=90)


@hooks.register("register_admin_menu_item")
def pilots_labs_compared_menu_item() -> ConvenorMenuItem:
    return ConvenorMenuItem("Labs compared", reverse("labs_compared"), icon_name="view", order=92)


@hooks.register("register_admin_menu_item")
def pilots_review_menu_item() -> ConvenorMenuItem:
    return ConvenorMenuItem(
        "Readings to review", reverse("pilots_readings_review"), icon_name="tasks", order=95
    )


@hooks.register("register_admin_menu_item")
def pilots_follow_ups_review_menu_item() -> ConvenorMenuItem:
    return ConvenorMenuItem(
        "Check-ins to review", reverse("pilots_follow_ups_review"), icon_name="history", order=96
    )


@hooks.register("register_admin_menu_item")
def pilots_exports_menu_item() -> ParticipantMenuItem:
    return ParticipantMenuItem("Exports", reverse("lab_exports"), icon_name="download", order=110)


@hooks.register("register_reports_menu_item")
def pilots_table_1_menu_item() -> ParticipantMenuItem:
    return ParticipantMenuItem(
        "Table 1: pilot initiatives", reverse("lab_table_1"), icon_name="table", order=50
    )


@hooks.register("register_reports_menu_item")
def pilots_outliers_menu_item() -> ConvenorMenuItem:
    return ConvenorMenuItem(
        "Unusual figures to follow up", reverse("pilots_outliers"), icon_name="warning", order=60
    )


@hooks.register("construct_homepage_panels")
def pilots_due_panel(request: HttpRequest, panels: list) -> None:
    if DuePanel.wanted_by(request.user):
        panels.append(DuePanel(request.user))


class ReturnImported(LogFormatter):
    """The audit log's one entry for the readings a return submitted (its new readings
    have no entry of their own): what the import created and corrected."""

    label = "Import KPI return"

    def format_message(self, log_entry) -> str:
        data = log_entry.data
        return (
            f"KPI return imported; readings submitted for review: {data.get('created', 0):,} "
            f"new, {data.get('updated', 0):,} corrected"
        )


@hooks.register("register_log_actions")
def pilots_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action("pilots.return_imported")(ReturnImported)
    actions.register_action("pilots.return_refused", "Refuse KPI return", "KPI return refused")
    for action, said in STATUS_ACTIONS.items():
        actions.register_action(action, said, f"Reading: {said.lower()}")
    actions.register_action("pilots.resource_reused", "Record reuse", "Reuse recorded")
    actions.register_action(
        "pilots.resource_reuse_withdrawn", "Withdraw a reuse record", "Reuse record withdrawn"
    )
    actions.register_action(
        "pilots.resource_approved", "Approve for the public", "Approved for the public"
    )
    actions.register_action("pilots.resource_withdrawn", "Withdraw", "Withdrawn")
    actions.register_action("pilots.resource_offered", "Offer again", "Offered again")
    actions.register_action(
        "pilots.lab_export_requested", "Request a Lab export", "Lab export requested"
    )
    for action, said in FOLLOW_UP_ACTIONS.items():
        actions.register_action(action, said, said)
