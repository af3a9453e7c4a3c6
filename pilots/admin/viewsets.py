"""The admin's snippet viewsets of pilots and shared resources, with their editors."""

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views import snippets

from pilots.access.scoping import user_borough
from pilots.admin.approval import PilotCreateView, PilotEditView, PilotWorkflowActionView
from pilots.admin.errors import PlainErrorsViewMixin
from pilots.admin.inspect import PilotInspectView, ResourceInspectView
from pilots.admin.pilot_form import PilotAdminForm
from pilots.admin.resource_form import ResourceAdminForm
from pilots.admin.scoped import (
    BoroughScopedViewSet,
    ScopedIndexView,
    StaleSaveRefusingEditView,
    lab_filtered,
)
from pilots.models import Pilot, ResourceReuse, SharedResource


def _readings_link(pilot: Pilot) -> str:
    url = reverse("pilots_pilot_readings", args=[pilot.pk])
    return format_html(
        '<a href="{}">Enter a reading<span class="w-sr-only"> for {}</span></a>', url, pilot
    )


class PilotViewSet(BoroughScopedViewSet):
    model = Pilot
    icon = "clipboard-list"
    menu_label = "Pilots"
    menu_order = 100
    add_to_admin_menu = True
    add_view_class = PilotCreateView
    edit_view_class = PilotEditView
    inspect_view_class = PilotInspectView
    workflow_action_view_class = PilotWorkflowActionView
    list_display = [
        "title",
        "borough",
        "stage",
        Column("approval", label="Status", accessor=lambda pilot: pilot.approval().label),
        Column("readings", label="KPI readings", accessor=_readings_link),
    ]
    filterset_class = lab_filtered(Pilot, ["stage", "lab"])
    inspect_view_fields = [
        "lab", "borough", "title", "activity", "stage", "planned_start", "planned_end",
        "actual_start", "actual_end", "key_lesson", "scale_up_plan", "adaptation_note", "kpis",
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
                    MultiFieldPanel(
                        [FieldPanel("adapted_from"), FieldPanel("adaptation_note")],
                        heading="Adapted from another pilot",
                    ),
                    # Without the permission the field is left out of the form, so an
                    # officer's posted override is ignored and the gate still applies.
                    FieldPanel(
                        "evaluation_override_reason", permission="pilots.override_evaluation"
                    ),
                ],
                heading="Pilot",
            ),
            ObjectList([InlinePanel("milestones", label="Milestone")], heading="Milestones"),
            ObjectList(
                [
                    # Readings are entered on their own page: each KPI links to it.
                    HelpPanel(template="pilots/admin/kpi_readings_panel.html", heading="Readings"),
                    InlinePanel("kpis", label="KPI"),
                    # The trajectory: a KPI's own target for a period, where there is one.
                    InlinePanel(
                        "kpi_targets",
                        label="Target for a period",
                        heading="Targets for each period (optional)",
                        help_text="Save a new KPI first, then give it a target for any "
                        "period. Its status in that period is judged against this target.",
                    ),
                ],
                heading="KPIs",
            ),
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
        # Keeps an officer's pilots in their own borough, hands the submitted evaluations
        # to the evaluation gate, and speaks plainly when something is wrong.
        base_form_class=PilotAdminForm,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_approval()


def _public_status(resource: SharedResource) -> str:
    if resource.visibility != SharedResource.Visibility.PUBLIC:
        return "Lab participants only"
    return "Approved for the public" if resource.is_public else "Awaiting the GLA's approval"


def _reused_by_you(resource: SharedResource) -> str:
    return "Yes, recorded" if getattr(resource, "reused_by_you", False) else ""


class ResourceCreateView(PlainErrorsViewMixin, snippets.CreateView):
    pass


class ResourceEditView(PlainErrorsViewMixin, StaleSaveRefusingEditView):
    pass


class ResourceIndexView(ScopedIndexView):
    """Whether the officer's borough reused each resource; convenors reuse nothing."""

    @cached_property
    def columns(self) -> list:
        columns = super().columns
        if user_borough(self.request.user) is None:
            columns = [c for c in columns if c.name != "reused"]
        return columns


class SharedResourceViewSet(BoroughScopedViewSet):
    model = SharedResource
    icon = "doc-full"
    menu_label = "Shared resources"
    menu_order = 110
    add_to_admin_menu = True
    index_view_class = ResourceIndexView
    add_view_class = ResourceCreateView
    edit_view_class = ResourceEditView
    inspect_view_class = ResourceInspectView
    list_display = [
        "title",
        "borough",
        "kind",
        Column("public", label="Public toolkit", accessor=_public_status),
        Column("reused", label="Reused by your borough", accessor=_reused_by_you),
    ]
    filterset_class = lab_filtered(SharedResource, ["kind", "visibility", "lab"])
    inspect_view_fields = [
        "lab", "borough", "title", "kind", "description", "document", "url", "visibility",
        "public", "provenance", "source_note",
    ]  # fmt: skip
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
        base_form_class=ResourceAdminForm,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """Each row knows whether the officer's borough recorded a reuse of it, so the
        listing and its "We reused this" button say so without a query per row."""
        resources = super().get_queryset(request)
        borough = user_borough(request.user)
        if borough is None:
            return resources
        reuses = ResourceReuse.objects.filter(resource=OuterRef("pk"), borough=borough)
        return resources.annotate(reused_by_you=Exists(reuses))
