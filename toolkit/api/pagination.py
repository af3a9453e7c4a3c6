"""Every list answers one page at a time, inside the licence envelope:
{"count", "next", "previous", "licence", "results"}."""

import re
import sys

from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from toolkit.opendata import LICENCE

LICENCE_SCHEMA = {
    "type": "object",
    "required": list(LICENCE),
    "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "attribution": {"type": "string"},
    },
}
WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")


class LicencedPagination(PageNumberPagination):
    page_size = 50
    max_page_size = 100
    page_size_query_param = "page_size"
    page_size_query_description = (
        f"Results per page: 1 to {max_page_size}, {page_size} if not given."
    )
    last_page_strings = ()

    def _whole_number(self, request: Request, name: str, default: int, maximum: int | None) -> int:
        """A parameter that must be a whole number from 1 (to `maximum`): 400 otherwise,
        rather than quietly answering something other than was asked for."""
        given = request.query_params.get(name)
        if given is None:
            return default
        if WHOLE_NUMBER.fullmatch(given):
            # Longer than 18 digits is past any last page, and slow for int() to read.
            number = int(given) if len(given) <= 18 else sys.maxsize
            if maximum is None or number <= maximum:
                return number
        limit = f" to {maximum}" if maximum else ""
        raise ValidationError({name: f"{name} must be a whole number from 1{limit}."})

    def get_page_size(self, request: Request) -> int:
        name = self.page_size_query_param
        return self._whole_number(request, name, self.page_size, self.max_page_size)

    def get_page_number(self, request: Request, paginator: Paginator) -> int:
        # Past the last page is 404, DRF's "Invalid page.".
        return self._whole_number(request, self.page_query_param, 1, None)

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "licence": LICENCE,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):  # DRF's examples name another API
            del paginated["properties"][link]["example"]
        paginated["required"] = ["count", "next", "previous", "licence", "results"]
        paginated["properties"]["licence"] = LICENCE_SCHEMA
        return paginated

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        page, page_size = super().get_schema_operation_parameters(view)
        page["schema"]["minimum"] = 1
        page_size["schema"].update(minimum=1, maximum=self.max_page_size)
        return [page, page_size]
