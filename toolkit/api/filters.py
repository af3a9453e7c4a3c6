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
    """?borough=<GSS code>: only that borough's pilots."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        code = request.query_params.get("borough")
        if code is None:
            return queryset
        if not GSS_CODE.search(code):
            raise ValidationError(
                {"borough": "borough must be a London GSS code, E09000001 to E09000033."}
            )
        return queryset.filter(borough__gss_code=code)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [
            {
                "name": "borough",
                "in": "query",
                "required": False,
                "description": "Only this borough's pilots (GSS code).",
                "schema": {"type": "string", "pattern": GSS_CODE.pattern},
            }
        ]
