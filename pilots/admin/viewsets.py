"""The admin's snippet viewsets of pilots and shared resources, with their editors."""

from django import forms
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from pilots.access.forms import BoroughScopedForm
from pilots.admin.pilot_form import PilotAdminForm
from pilots.admin.scoped import BoroughScopedViewSet, lab_filtered
from pilots.models import Pilot, SharedResource


class PilotViewSet(BoroughScopedViewSet):
    model = Pilot
    icon = "clipboard-list"
    menu_label = "Pilots"
    menu_order = 100
    add_to_admin_menu = True
    list_display = ["title", "borough", "stage"]
    filterset_class = lab_filtered(Pilot, ["stage", "lab"])
    inspect_view_fields = [
        "lab", "borough", "title", "activity", "stage", "planned_start", "planned_end",
        "actual_start", "actual_end", "key_lesson", "scale_up_plan",
    ]  # fmt: skip
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("lab"),
                    FieldPanel("borough"),
                    FieldPanel("title"),
                    FieldPanel("activity"),
                    FieldPanel("stage"),
                    MultiFieldPanel(
                        [
                            FieldPanel("planned_start"),
                            FieldPanel("planned_end"),
                            FieldPanel("actual_start"),
                            FieldPanel("actual_end"),
                        ],
                        heading="Timeline",
                    ),
                    FieldPanel("challenges", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("key_lesson"),
                    FieldPanel("scale_up_plan"),
                    # Without the permission the field is left out of the form, so an
                    # officer's posted override is ignored and the gate still applies.
                    FieldPanel(
                        "evaluation_override_reason", permission="pilots.override_evaluation"
                    ),
                ],
                heading="Pilot",
            ),
            ObjectList([InlinePanel("milestones", label="Milestone")], heading="Milestones"),
            ObjectList([InlinePanel("kpis", label="KPI")], heading="KPIs"),
            ObjectList([InlinePanel("evaluations", label="Evaluation")], heading="Evaluation"),
            ObjectList(
                [
                    InlinePanel("partnerships", label="Partnership"),
                    InlinePanel("practice_changes", label="Practice change"),
                ],
                heading="Partners and practice",
            ),
            ObjectList([FieldPanel("provenance"), FieldPanel("source_note")], heading="Source"),
        ],
        # Keeps an officer's pilots in their own borough, and hands the submitted
        # evaluations to the evaluation gate.
        base_form_class=PilotAdminForm,
    )


class SharedResourceViewSet(BoroughScopedViewSet):
    model = SharedResource
    icon = "doc-full"
    menu_label = "Shared resources"
    menu_order = 110
    add_to_admin_menu = True
    list_display = ["title", "borough", "kind", "visibility"]
    filterset_class = lab_filtered(SharedResource, ["kind", "visibility", "lab"])
    edit_handler = ObjectList(
        [
            FieldPanel("lab"),
            FieldPanel("borough"),
            FieldPanel("title"),
            FieldPanel("kind"),
            FieldPanel("description"),
            FieldPanel("document"),
            FieldPanel("url"),
            FieldPanel("visibility"),
            FieldPanel("provenance"),
            FieldPanel("source_note"),
        ],
        base_form_class=BoroughScopedForm,
    )
