"""The officer's "what is due" panel on the Wagtail admin home page."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from pilots import due
from pilots.scoping import is_convenor, user_borough


class DuePanel(Component):
    """A borough's pilots and what is due, each item linking to the form that fixes it.
    Convenors see the resources awaiting their review instead."""

    name = "pilots_due"
    order = 50
    template_name = "pilots/home_due_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        borough = user_borough(self.user)
        if borough is None:
            return {"borough": None, "awaiting_review": due.resources_awaiting_review(None)}
        today = timezone.localdate()
        return {
            "borough": borough,
            "pilots": borough.pilots.order_by("title"),
            "missing": due.missing_readings(borough, today),
            "milestones": due.overdue_milestones(borough, today),
            "no_plan": due.pilots_without_evaluation_plan(borough),
            "awaiting_review": due.resources_awaiting_review(borough),
            "request": parent_context.get("request") if parent_context else None,
        }

    @staticmethod
    def wanted_by(user) -> bool:
        return user_borough(user) is not None or is_convenor(user)
