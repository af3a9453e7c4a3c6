"""The lists of categories KPIs are split by (`designlab.models.Breakdown`): convenors keep
them; officers, who hold only the view permission, may list, inspect and choose them but
neither add, change nor delete one (Wagtail's model-level checks refuse them)."""

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from designlab.models import Breakdown
from pilots.admin.scoped import ScopedChooserViewSet


class BreakdownChooserViewSet(ScopedChooserViewSet):
    register_widget = False  # a plain select in the KPI's panel, for officers too


class BreakdownViewSet(SnippetViewSet):
    model = Breakdown
    icon = "list-ul"
    menu_label = "Category lists"
    chooser_viewset_class = BreakdownChooserViewSet
    inspect_view_enabled = True
    list_display = ["name", Column("category_count", label="Categories"), "provenance"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return Breakdown.objects.annotate(category_count=Count("categories"))
