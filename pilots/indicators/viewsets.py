"""Shared indicators in the admin: convenors define them; officers read them (and choose
one for a KPI in the pilot editor). Officers hold only the view permission
(`pilots.access.roles`), so Wagtail refuses them every add, edit and delete view."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from designlab.models import SharedIndicator
from pilots.access.policies import SEE, visible_to
from pilots.admin.scoped import ScopedChooserViewSet, lab_filtered, object_guard
from pilots.indicators.forms import SharedIndicatorForm


class SharedIndicatorViewSet(SnippetViewSet):
    model = SharedIndicator
    icon = "list-ul"
    menu_label = "Shared indicators"
    menu_order = 96
    add_to_admin_menu = True
    # A plain select in the KPI form, limited there to the pilot's Lab's indicators.
    chooser_viewset_class = type(
        "SharedIndicatorChooserViewSet", (ScopedChooserViewSet,), {"register_widget": False}
    )
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "unit", "frequency", "kind", "direction"]
    filterset_class = lab_filtered(SharedIndicator, ["labs", "unit"], lab_field="labs")
    edit_handler = ObjectList(SharedIndicator.panels, base_form_class=SharedIndicatorForm)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_to(SharedIndicator, request.user)

    def construct_view(self, view_class: type, **kwargs: Any) -> Callable[..., HttpResponse]:
        view = super().construct_view(view_class, **kwargs)
        # Another Lab's indicator is not found; Wagtail then refuses officers any change.
        return object_guard(view, self.model, SEE)
