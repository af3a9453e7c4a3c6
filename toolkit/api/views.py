"""The resources, published pilots and their KPIs, and the OpenAPI document describing them.
Only live pilots appear, built from their database rows (the published version); small
counts are masked as on the case study pages."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from drf_spectacular.renderers import OpenApiJsonRenderer2
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from designlab.models import Lab, SharedIndicator
from pilots.models import KPI, Pilot
from toolkit.api.base import PublicAPIMixin
from toolkit.api.filters import BoroughFilter, LabFilter, ReadingFilter
from toolkit.api.schema import SETTINGS, APISchemaGenerator
from toolkit.api.serializers import (
    ErrorSerializer,
    IndicatorSerializer,
    PilotKPISerializer,
    PilotSerializer,
    ReadingSerializer,
)
from toolkit.indicators import indicators_public
from toolkit.published import published_kpis, published_pilots, published_readings

BAD_PARAMETER = OpenApiResponse(ErrorSerializer, "A query parameter is not as described.")
NO_SUCH_PAGE = OpenApiResponse(ErrorSerializer, "The page asked for is past the last page.")
PILOT_ID = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The pilot's id."
)


@extend_schema_view(
    get=extend_schema(
        operation_id="listPilots",
        summary="Published pilots",
        responses={200: PilotSerializer, 400: BAD_PARAMETER, 404: NO_SUCH_PAGE},
    )
)
class PilotList(PublicAPIMixin, ListAPIView):
    """Published pilots by borough and title, with their evaluations and KPIs."""

    serializer_class = PilotSerializer
    filter_backends = [BoroughFilter]

    def get_queryset(self) -> QuerySet[Pilot]:
        return published_pilots().order_by("borough__name", "title", "pk")


@extend_schema_view(
    get=extend_schema(
        operation_id="getPilot",
        summary="One published pilot",
        parameters=[PILOT_ID],
        responses={
            200: PilotSerializer,
            404: OpenApiResponse(ErrorSerializer, "No published pilot has this id."),
        },
    )
)
class PilotDetail(PublicAPIMixin, RetrieveAPIView):
    """A published pilot, with its evaluations and KPIs."""

    serializer_class = PilotSerializer

    def get_queryset(self) -> QuerySet[Pilot]:
        return published_pilots()

    def get_object(self) -> Pilot:
        try:
            return super().get_object()
        except Http404:
            raise NotFound("No published pilot with this id.") from None


@extend_schema_view(
    get=extend_schema(
        operation_id="listKpis",
        summary="KPIs of published pilots, with their latest reading",
        responses={200: PilotKPISerializer, 400: BAD_PARAMETER, 404: NO_SUCH_PAGE},
    )
)
class KPIList(PublicAPIMixin, ListAPIView):
    """Every KPI of the published pilots, in the pilots' order, each naming its pilot."""

    serializer_class = PilotKPISerializer

    def get_queryset(self) -> QuerySet[KPI]:
        order = ("pilot__borough__name", "pilot__title", "pilot_id", "sort_order", "pk")
        return published_kpis().order_by(*order)


@extend_schema_view(
    get=extend_schema(
        operation_id="listReadings",
        summary="Approved readings of published pilots' KPIs",
        responses={200: ReadingSerializer, 400: BAD_PARAMETER, 404: NO_SUCH_PAGE},
    )
)
class ReadingList(PublicAPIMixin, ListAPIView):
    """Every approved reading of the published pilots' KPIs, in the pilots' order and then
    by period. A reading counts here once a convenor has approved it."""

    serializer_class = ReadingSerializer
    filter_backends = [BoroughFilter, ReadingFilter]
    borough_path = "kpi__pilot__borough"
    borough_description = "Only this borough's readings (GSS code)."

    def get_queryset(self) -> QuerySet:
        return published_readings()


@extend_schema_view(
    get=extend_schema(
        operation_id="listIndicators",
        summary="Shared indicators, with each borough's and the Lab's figure per period",
        responses={200: IndicatorSerializer, 400: BAD_PARAMETER, 404: NO_SUCH_PAGE},
    )
)
class IndicatorList(PublicAPIMixin, ListAPIView):
    """The Labs' shared indicators by name, each with, per Lab and period, every borough's
    figure (its approved readings added up, or a percentage pooled) and the Lab's pooled
    figure, naming the boroughs missing from it. Only approved readings of published
    pilots count; counts of people are withheld as on /readings/, and so is every total
    that adds up a withheld figure."""

    serializer_class = IndicatorSerializer
    filter_backends = [LabFilter]
    lab_path = "labs"

    def get_queryset(self) -> QuerySet[SharedIndicator]:
        return (
            SharedIndicator.objects.filter(labs__isnull=False)
            .distinct()
            .prefetch_related("labs")
            .order_by("name", "pk")
        )

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        slug = request.query_params.get("lab")
        lab = Lab.objects.filter(slug=slug).first() if slug else None
        data = indicators_public(list(page), lab=lab)
        return self.get_paginated_response(self.get_serializer(data, many=True).data)


class OpenAPIDocument(PublicAPIMixin, SpectacularAPIView):
    renderer_classes = (OpenApiJsonRenderer2,)  # application/json
    generator_class = APISchemaGenerator

    @extend_schema(exclude=True)
    def get(self, request: HttpRequest, *args, **kwargs) -> Response:
        # The paths are relative to the API's root, where this document is served.
        root = reverse("toolkit:api-openapi").rsplit("/", 1)[0]
        self.custom_settings = {**SETTINGS, "SERVERS": [{"url": root}]}
        return super().get(request, *args, **kwargs)
