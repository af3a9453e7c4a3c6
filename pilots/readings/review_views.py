"""The convenors' pages for reviewing readings: "Readings to review" (a Wagtail listing
with filters by Lab, borough, pilot, KPI and period, from which several readings are
approved or returned with one comment), and reopening an approved reading.

Officers never review: every view here refuses them the way the admin refuses
(`pilots.access.refusals`)."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django_filters import DateFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from designlab.models import Borough, Lab
from pilots.access.refusals import convenors_only
from pilots.models import KPI, KPIReading, Pilot
from pilots.readings.periods import period_label
from pilots.readings.review import (
    ReviewRefused,
    reading_reopen,
    readings_approve,
    readings_return,
)


def _waiting_for(path: str) -> QuerySet:
    return KPIReading.objects.to_review().values(path)


class ReadingFilterSet(WagtailFilterSet):
    # Pilots and KPIs offered are those with readings waiting, not every one in the Lab.
    lab = ModelChoiceFilter(field_name="kpi__pilot__lab", queryset=Lab.objects.all(), label="Lab")
    borough = ModelChoiceFilter(
        field_name="kpi__pilot__borough", queryset=Borough.objects.all(), label="Borough"
    )
    pilot = ModelChoiceFilter(
        field_name="kpi__pilot",
        queryset=Pilot.objects.filter(pk__in=_waiting_for("kpi__pilot")).order_by("title"),
        label="Pilot",
    )
    kpi = ModelChoiceFilter(
        field_name="kpi",
        queryset=KPI.objects.filter(pk__in=_waiting_for("kpi")).order_by("name", "pk"),
        label="KPI",
    )
    period = DateFilter(field_name="period_start", label="Period start (first day)")

    class Meta:
        model = KPIReading
        fields = []


class SelectColumn(Column):
    cell_template_name = "pilots/readings/select_cell.html"


class FigureColumn(Column):
    def get_value(self, instance: KPIReading) -> str:
        return KPI.figure_shown(instance.value)


def _period(reading: KPIReading) -> str:
    return period_label(reading.period_start, reading.kpi.frequency)


@method_decorator(convenors_only, name="dispatch")
class ReadingsToReviewView(IndexView):
    """Submitted readings, oldest period first; the query count does not grow with them."""

    model = KPIReading
    page_title = "Readings to review"
    header_icon = "tasks"
    index_url_name = "pilots_readings_review"
    index_results_url_name = "pilots_readings_review_results"
    results_template_name = "pilots/readings/review_results.html"
    filterset_class = ReadingFilterSet
    permission_policy = None
    paginate_by = 50
    columns = [
        SelectColumn("select", label="Select"),
        Column("borough", label="Borough", accessor="kpi.pilot.borough.name"),
        Column("pilot", label="Pilot", accessor="kpi.pilot.title"),
        Column("kpi", label="KPI", accessor="kpi.name"),
        Column("period", label="Period", accessor=_period),
        FigureColumn("value", label="Reading"),
        Column("note", label="Note"),
    ]

    def get_base_queryset(self):
        return (
            KPIReading.objects.to_review()
            .select_related("kpi__pilot__borough")
            .order_by("period_start", "kpi__pilot__borough__name", "kpi__pilot__title", "pk")
        )

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


@require_POST
@convenors_only
def readings_review_act(request: HttpRequest) -> HttpResponse:
    """Approve, or return with one comment, the readings selected on the listing."""
    back = request.POST.get("next") or reverse("pilots_readings_review")
    if not back.startswith(reverse("pilots_readings_review")):
        back = reverse("pilots_readings_review")
    chosen = KPIReading.objects.filter(pk__in=_ids(request.POST.getlist("reading")))
    if not chosen.exists():
        messages.error(request, "Select at least one reading first.")
        return redirect(back)
    try:
        if request.POST.get("action") == "return":
            n = readings_return(chosen, comment=request.POST.get("comment", ""), user=request.user)
            said = f"{_readings(n)} returned to their officers with your comment."
            messages.success(request, said)
        else:
            n = readings_approve(chosen, user=request.user)
            messages.success(request, f"{_readings(n)} approved: they now count in public.")
    except ReviewRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


@require_POST
@convenors_only
def reading_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    reading = get_object_or_404(KPIReading.objects.select_related("kpi"), pk=pk)
    label = f"{reading.kpi.name}, {_period(reading)}"
    try:
        reading_reopen(reading, reason=request.POST.get("reason", ""), user=request.user)
    except ReviewRefused as refusal:
        messages.error(request, f"{label}: {refusal}")
    else:
        messages.success(request, f"{label}: reopened. It is back with the officer to correct.")
    return redirect("pilots_readings", reading.kpi_id)


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def _readings(n: int) -> str:
    return "1 reading" if n == 1 else f"{n} readings"
