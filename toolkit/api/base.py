"""What every API view shares: public and read-only (GET and HEAD; any other method is
405), always JSON, errors as {"detail": ...}, lists paged, the licence in a Link header,
and responses cached until the next publish (see `toolkit.cache`)."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler

from toolkit.api.pagination import LicencedPagination
from toolkit.cache import public_api_cache_key
from toolkit.opendata import LICENCE


class OneRepresentation(BaseContentNegotiation):
    """The view's first renderer whatever the Accept header or ?format= asks: the
    response for a URL is the same for every client, so one cache entry serves them all."""

    def select_parser(self, request: Request, parsers: list[BaseParser]) -> BaseParser | None:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return renderers[0], renderers[0].media_type


def _messages(detail: dict[str, Any] | list[Any] | str) -> list[str]:
    if isinstance(detail, dict):
        detail = list(detail.values())
    if isinstance(detail, list):
        return [message for item in detail for message in _messages(item)]
    return [str(detail)]


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, with a bad parameter's messages joined into one `detail` like every
    other error."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = {"detail": " ".join(_messages(exc.detail))}
    return response


class PublicAPIMixin:
    # Listed first among a view's bases, before DRF's own.

    authentication_classes = ()  # the same answer for everyone: no session, no CSRF
    permission_classes = (AllowAny,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = OneRepresentation
    http_method_names = ["get", "head"]
    pagination_class = LicencedPagination  # every list, a page at a time

    def get_exception_handler(self) -> Callable[[Exception, dict], Response | None]:
        return api_exception_handler

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
        return response

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = public_api_cache_key(request) if request.method in ("GET", "HEAD") else None
        cached = cache.get(key) if key is not None else None
        if cached is not None:
            return cached
        response = super().dispatch(request, *args, **kwargs)
        if key is not None and response.status_code == 200:

            def store(rendered: Response) -> None:
                # Its bytes and headers only: the Response's data still holds model
                # instances (a hyperlink keeps its object), far too many to pickle.
                copy = HttpResponse(rendered.content, headers=rendered.headers)
                cache.set(key, copy, settings.TOOLKIT_PAGE_CACHE_SECONDS)

            response.add_post_render_callback(store)
        return response
