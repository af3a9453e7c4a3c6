"""The convenors' follow-up list: unusual figures that officers confirmed
(`pilots.readings.quality`), by Lab and borough."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from designlab.models import Borough, Lab
from pilots.access.refusals import convenors_only
from pilots.admin.pages import admin_page
from pilots.models import KPIReading

PER_PAGE = 100


@convenors_only
@require_safe
def outliers(request: HttpRequest) -> HttpResponse:
    labs = list(Lab.objects.order_by("-starts_on"))
    lab = _chosen(labs, request.GET.get("lab")) or (labs[0] if labs else None)
    boroughs = list(Borough.objects.filter(participations__lab=lab).order_by("name"))
    borough = _chosen(boroughs, request.GET.get("borough"))
    readings = (
        KPIReading.objects.exclude(quality_warning="")
        .filter(kpi__pilot__lab=lab)
        .select_related("kpi__pilot__borough")
        .order_by("kpi__pilot__borough__name", "kpi__pilot__title", "kpi__name", "period_start")
    )
    if borough is not None:
        readings = readings.filter(kpi__pilot__borough=borough)
    page = Paginator(readings, PER_PAGE).get_page(request.GET.get("p"))
    return admin_page(
        request, "pilots/readings/outliers.html", "Unusual figures to follow up",
        labs=labs, lab=lab, boroughs=boroughs, borough=borough, page=page,
    )  # fmt: skip


def _chosen(options: list, wanted: str | None):
    return next((option for option in options if str(option.pk) == wanted), None)
