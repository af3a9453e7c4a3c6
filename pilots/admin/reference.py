"""Reference data of the Lab and its outcomes: convenors only. Officers hold no permission
on these models, so Wagtail's model-level checks refuse them."""

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from designlab.models import Borough, Challenge, IntegrationDomain, Lab, Officer, Outcome, Session
from pilots.admin.categories import BreakdownViewSet
from pilots.admin.scoped import ReferenceChooserViewSet
from pilots.outcomes.evidence import EVIDENCE_RULE
from pilots.outcomes.ratings import lab_outcomes


class ReferenceViewSet(SnippetViewSet):
    chooser_viewset_class = ReferenceChooserViewSet


class BoroughViewSet(ReferenceViewSet):
    model = Borough
    icon = "site"
    list_display = ["name", "gss_code", "sanctuary_status"]


class LabViewSet(ReferenceViewSet):
    model = Lab
    icon = "group"
    list_display = ["name", "convenor", "starts_on", "ends_on"]


class SessionViewSet(ReferenceViewSet):
    model = Session
    icon = "date"
    list_display = ["title", "kind", "number", "held_on"]
    list_filter = ["lab", "kind"]


class ChallengeViewSet(ReferenceViewSet):
    model = Challenge
    icon = "warning"


class IntegrationDomainViewSet(ReferenceViewSet):
    model = IntegrationDomain
    icon = "tag"
    list_display = ["name", "group"]


class OfficerViewSet(ReferenceViewSet):
    """Assigning a user to a borough: this decides everything the user sees."""

    model = Officer
    icon = "user"
    list_display = ["user", "borough", "receives_reminders", "receives_roundup"]
    panels = [
        FieldPanel("user", widget=forms.Select),
        FieldPanel("borough", widget=forms.Select),
        FieldPanel("receives_reminders"),
        FieldPanel("receives_roundup"),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return Officer.objects.select_related("user", "borough")


class DesignLabViewSetGroup(SnippetViewSetGroup):
    menu_label = "Design Lab"
    menu_icon = "cogs"
    menu_order = 120
    items = (
        LabViewSet,
        BoroughViewSet,
        SessionViewSet,
        ChallengeViewSet,
        IntegrationDomainViewSet,
        OfficerViewSet,
        BreakdownViewSet,
    )


class OutcomeIndexView(IndexView):
    """Each outcome with its rating as the records stand today (`lab_outcomes`, one rating
    of each Lab on the page) and the strength of the evidence behind it, by the rule the
    page states."""

    evidence_rule = EVIDENCE_RULE

    def get_table(self, object_list: list) -> object:
        ratings = {}
        for lab in {outcome.lab for outcome in object_list}:
            for result in lab_outcomes(lab, today=timezone.localdate()):
                ratings[lab.pk, result.number] = result
        for outcome in object_list:
            result = ratings.get((outcome.lab_id, outcome.number))
            outcome.current_rating = result.rating_label if result else "Not rated"
            outcome.evidence_grade = result.evidence_grade_label if result else ""
        return super().get_table(object_list)


class OutcomeViewSet(ReferenceViewSet):
    """Convenors set each outcome's measures and thresholds; the chooser refuses officers
    too."""

    model = Outcome
    icon = "tasks"
    menu_label = "Lab outcomes"
    menu_order = 95
    add_to_admin_menu = True
    index_view_class = OutcomeIndexView
    index_template_name = "pilots/admin/outcome_index.html"
    list_display = [
        "statement",
        "number",
        "lab",
        Column("current_rating", label="Current rating"),
        Column("evidence_grade", label="Strength of evidence"),
    ]
    list_filter = ["lab"]
    ordering = ["lab", "number"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return Outcome.objects.select_related("lab")
