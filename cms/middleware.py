"""Request ids for the logs, and the Content Security Policy with the admin's exceptions."""

import re
import uuid
from collections.abc import Callable

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from cms.logging import request_id

# A proxy's id is kept so one request can be followed through it; anything odd is replaced.
REQUEST_ID_FORMAT = re.compile(r"[A-Za-z0-9._-]{8,64}")
ADMIN_PREFIX = "/admin/"


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request.id = given if REQUEST_ID_FORMAT.fullmatch(given) else uuid.uuid4().hex
        # Not reset afterwards: Django logs the response (django.request) after middleware.
        request_id.set(request.id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """The site-wide policy allows no inline script and no framing. Wagtail 8's admin still
    writes inline scripts (InlinePanel, date widgets), so only under the admin are they
    allowed; and the admin's preview, which Wagtail marks X-Frame-Options: SAMEORIGIN,
    may be framed by the admin (frame-ancestors overrides X-Frame-Options in browsers)."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.update is None:
            parts.update = {"script-src": [UNSAFE_INLINE]}
        if response.get("X-Frame-Options") == "SAMEORIGIN" and parts.replace is None:
            parts.replace = {"frame-ancestors": [SELF]}
        return parts
