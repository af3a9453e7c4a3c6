"""The pilot editor in plain words: sending a pilot to the GLA for approval is the officer's
main action, and every message says what happened and what comes next, instead of
Wagtail's "submitted for moderation" and "workflow".

Wagtail 8 offers the ways in: the snippet action-menu hook (`pilot_action_menu`), and the
viewset's view classes, whose success messages are methods to override.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import TaskState
from wagtail.snippets.action_menu import (
    ActionMenuItem,
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
)
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views import snippets

from pilots.admin.errors import PlainErrorsViewMixin
from pilots.admin.scoped import StaleSaveRefusingEditView
from pilots.models import Pilot

SEND = _("Send to the GLA for approval")
SEND_AGAIN = _("Send to the GLA again")


class SendForApprovalMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context: dict) -> dict:
        context = super().get_context_data(parent_context)
        state = getattr(parent_context.get("instance"), "current_workflow_state", None)
        context["label"] = (
            SEND_AGAIN if state and state.status == state.STATUS_NEEDS_CHANGES else SEND
        )
        return context


class TakeBackMenuItem(CancelWorkflowMenuItem):
    label = _("Take back from the GLA's approval")


class SendAgainMenuItem(RestartWorkflowMenuItem):
    label = SEND_AGAIN


PLAIN_ITEMS = {
    SubmitForModerationMenuItem: SendForApprovalMenuItem,
    CancelWorkflowMenuItem: TakeBackMenuItem,
    RestartWorkflowMenuItem: SendAgainMenuItem,
}


def pilot_action_menu(
    menu_items: list[ActionMenuItem], request: HttpRequest, context: dict
) -> None:
    """A `construct_snippet_action_menu` hook: plain labels on the pilot editor, and for an
    officer (who cannot publish) sending to the GLA comes first, as the main button."""
    if context.get("model") is not Pilot:
        return
    for i, item in enumerate(menu_items):
        plain = PLAIN_ITEMS.get(type(item))
        if plain is not None:
            menu_items[i] = plain(order=item.order)
    if request.user.has_perm(get_permission_name("publish", Pilot)):
        return
    sending = [item for item in menu_items if isinstance(item, SendForApprovalMenuItem)]
    for item in sending:
        menu_items.remove(item)
        menu_items.insert(0, item)


def pilot_saved_message(view: snippets.CreateView | snippets.EditView, pilot: Pilot) -> str:
    """What happened to the pilot, and what comes next, after a save from the editor."""
    title = f"“{pilot}”"
    if view.action == "submit":
        return (
            f"{title} is sent to the GLA for approval. Until a convenor approves it, "
            "reports and the public site show the version approved before."
            if pilot.live
            else f"{title} is sent to the GLA for approval. It is published once a "
            "convenor approves it."
        )
    if view.action == "publish":
        return f"{title} is published: reports and the public site show it now."
    if view.action == "workflow-action":
        return workflow_action_message(view.workflow_action, pilot)
    if view.action == "cancel-workflow":
        return f"{title} is taken back from the GLA: it is a draft again, not yet sent."
    if view.action == "restart-workflow":
        return f"{title} is sent to the GLA again."
    if pilot.workflow_in_progress:
        return (
            f"Draft of {title} saved. It is waiting for the GLA's approval: these changes "
            "go with it."
        )
    if view.request.user.has_perm(get_permission_name("publish", Pilot)):
        return f"Draft of {title} saved. It is not published yet: choose Publish when it is ready."
    return (
        f"Draft of {title} saved. It is not yet sent to the GLA: choose “{SEND}” when it is ready."
    )


def workflow_action_message(action: str, pilot: Pilot) -> str:
    if action == "approve":
        return (
            f"“{pilot}” is approved and published: the dashboard, reports and the public "
            "site show it now."
        )
    if action == "reject":
        return f"Changes requested on “{pilot}”: its borough's officers see your comment."
    return f"“{pilot}”: done."


class PilotCreateView(PlainErrorsViewMixin, snippets.CreateView):
    def get_success_message(self, instance: Pilot | None = None) -> str:
        return pilot_saved_message(self, instance or self.object)


class PilotEditView(PlainErrorsViewMixin, StaleSaveRefusingEditView):
    def get_success_message(self) -> str:
        return pilot_saved_message(self, self.object)


class PilotWorkflowActionView(snippets.WorkflowActionView):
    """Approving or asking for changes (from the admin home or the editor's menu) says
    what happened, which Wagtail's view does not."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # the action was taken
            pilot = Pilot.objects.get(pk=self.object.pk)
            messages.success(request, workflow_action_message(self.action_name, pilot))
        return response
