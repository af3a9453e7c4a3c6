"""The lists of categories KPIs are split by (`designlab.models.Breakdown`): convenors keep
them; officers, who hold only the view permission, may list, inspect and choose them but
neither add, change nor delete one (Wagtail's model-level checks refuse them)."""

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from designlab.models import Breakdown
from pilots.admin.scoped import ScopedChooserViewSet


class BreakdownForm(WagtailAdminModelForm):
    """A category with figures recorded against it stays: removing it would take published
    figures with it (the database refuses, see `ReadingPart.category`)."""

    def is_valid(self) -> bool:
        # After the formsets are checked: only then do they know their deleted forms.
        valid = super().is_valid()
        for form in self.formsets["categories"].deleted_forms if valid else []:
            category = form.instance
            if category.pk and category.reading_parts.exists():
                self.add_error(
                    None,
                    f"“{category.name}” has figures recorded against it, so it cannot be "
                    "removed. Rename it instead if its name is wrong.",
                )
                valid = False
        return valid


class BreakdownChooserViewSet(ScopedChooserViewSet):
    register_widget = False  # a plain select in the KPI's panel, for officers too


class BreakdownViewSet(SnippetViewSet):
    model = Breakdown
    icon = "list-ul"
    menu_label = "Category lists"
    chooser_viewset_class = BreakdownChooserViewSet
    inspect_view_enabled = True
    list_display = ["name", Column("category_count", label="Categories"), "provenance"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            InlinePanel("categories", label="Category", min_num=2),
            FieldPanel("provenance"),
            FieldPanel("source_note"),
        ],
        base_form_class=BreakdownForm,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return Breakdown.objects.annotate(category_count=Count("categories"))
