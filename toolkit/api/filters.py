"""Query parameters that narrow a list, as DRF filter backends: each filters the queryset
and describes its parameter for the OpenAPI document."""

import re

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

# London boroughs and the City: E09000001 to E09000033.
GSS_CODE = re.compile(r"^E09[0-9]{6}$")


class BoroughFilter(BaseFilterBackend):
    """?borough=<GSS code>: only that borough's pilots (or the view's `borough_path`'s)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        code = request.query_params.get("borough")
        if code is None:
            return queryset
        if not GSS_CODE.search(code):
            raise ValidationError(
                {"borough": "borough must be a London GSS code, E09000001 to E09000033."}
            )
        path = getattr(view, "borough_path", "borough")
        return queryset.filter(**{f"{path}__gss_code": code})

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [
            {
                "name": "borough",
                "in": "query",
                "required": False,
                "description": getattr(
                    view, "borough_description", "Only this borough's pilots (GSS code)."
                ),
                "schema": {"type": "string", "pattern": GSS_CODE.pattern},
            }
        ]


SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
WHOLE_NUMBER = re.compile(r"^[1-9][0-9]{0,17}$")


class ReadingFilter(BaseFilterBackend):
    """?lab=<slug> and ?kpi=<id>: only that Lab's, or that KPI's, readings."""

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        lab, kpi = request.query_params.get("lab"), request.query_params.get("kpi")
        if lab is not None:
            if not SLUG.search(lab):
                raise ValidationError(
                    {"lab": "lab must be a Lab's slug, e.g. asylum-welcome-2023."}
                )
            queryset = queryset.filter(kpi__pilot__lab__slug=lab)
        if kpi is not None:
            if not WHOLE_NUMBER.search(kpi):
                raise ValidationError({"kpi": "kpi must be a KPI's id, a whole number from 1."})
            queryset = queryset.filter(kpi_id=int(kpi))
        return queryset

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": "lab",
                "in": "query",
                "required": False,
                "description": "Only this Lab's readings (its slug).",
                "schema": {"type": "string", "pattern": SLUG.pattern},
            },
            {
                "name": "kpi",
                "in": "query",
                "required": False,
                "description": "Only this KPI's readings (its id).",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


class LabFilter(BaseFilterBackend):
    """?lab=<slug>: only that Lab's figures (the view's `lab_path` leads to the Lab)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        lab = request.query_params.get("lab")
        if lab is None:
            return queryset
        if not SLUG.search(lab):
            raise ValidationError({"lab": "lab must be a Lab's slug, e.g. asylum-welcome-2023."})
        return queryset.filter(**{f"{view.lab_path}__slug": lab})

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [
            {
                "name": "lab",
                "in": "query",
                "required": False,
                "description": "Only this Lab's figures (its slug).",
                "schema": {"type": "string", "pattern": SLUG.pattern},
            }
        ]
