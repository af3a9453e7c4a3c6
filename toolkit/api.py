"""A read-only JSON API of published pilots and their KPIs, described by OpenAPI 3.

Only live pilots appear, built from their database rows (the published version); small
counts are masked exactly as on the case study pages."""

import re

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from toolkit import opendata
from toolkit.api_schema import openapi
from toolkit.published import kpi_progress, published_pilots


def _number(value):
    return None if value is None else float(value)


def _kpi(kpi) -> dict:
    progress = kpi_progress(kpi)
    return {
        "id": kpi.pk,
        "name": kpi.name,
        "unit": kpi.unit,
        "direction": kpi.direction,
        "frequency": kpi.frequency,
        "baseline": _number(progress.baseline),
        "target": _number(progress.target),
        "latest_value": _number(progress.latest),
        "latest_period_start": progress.latest_period.isoformat()
        if progress.latest_period
        else None,
        "suppressed": progress.suppressed,
        "progress_percent": progress.percent,
    }


def _pilot(pilot, request) -> dict:
    return {
        "id": pilot.pk,
        "url": request.build_absolute_uri(reverse("toolkit:api-pilot", args=[pilot.pk])),
        "title": pilot.title,
        "borough": {"name": pilot.borough.name, "gss_code": pilot.borough.gss_code},
        "lab": pilot.lab.name,
        "stage": pilot.stage,
        "stage_label": pilot.get_stage_display(),
        "activity": pilot.activity,
        "key_lesson": pilot.key_lesson,
        "challenges": [c.name for c in pilot.challenges.all()],
        "evaluations": [{"method": e.method, "status": e.status} for e in pilot.evaluations.all()],
        "kpis": [_kpi(kpi) for kpi in pilot.kpis.all()],
    }


GSS_CODE = re.compile(r"^E09\d{6}$")


def _respond(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"indent": 2})
    response["Link"] = f'<{opendata.LICENCE["url"]}>; rel="license"'
    return response


@require_safe
def pilot_list(request):
    pilots = published_pilots().order_by("borough__name", "title")
    borough = request.GET.get("borough")
    if borough is not None:
        if not GSS_CODE.match(borough):
            return _respond(
                {"detail": "borough must be a London GSS code, E09000001 to E09000033."}, 400
            )
        pilots = pilots.filter(borough__gss_code=borough)
    return _respond({"licence": opendata.LICENCE, "results": [_pilot(p, request) for p in pilots]})


@require_safe
def pilot_detail(request, pk: int):
    pilot = published_pilots().filter(pk=pk).first()
    if pilot is None:
        return _respond({"detail": "No published pilot with this id."}, 404)
    return _respond(_pilot(pilot, request))


@require_safe
def kpi_list(request):
    results = [
        {"pilot": pilot.pk, **_kpi(kpi)}
        for pilot in published_pilots().order_by("borough__name", "title")
        for kpi in pilot.kpis.all()
    ]
    return _respond({"licence": opendata.LICENCE, "results": results})


@require_safe
def openapi_description(request):
    base_path = reverse("toolkit:api-openapi").rsplit("/", 1)[0]
    return JsonResponse(openapi(base_path), json_dumps_params={"indent": 2})
