"""Wagtail's Site history report lists every borough's entries (it filters by content
type only), so it is for convenors. Officers read the history of each of their own
pilots and resources on the object's History page. (The workflow reports already refuse
users without page permissions, which officers and convenors both lack; the menu shows
none of these reports to such users.)"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from wagtail.admin.auth import permission_denied

from pilots.access.scoping import is_convenor

CONVENOR_ONLY_VIEWS = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
}


class ConvenorOnlyReportsMiddleware:
    """Refuses a signed-in non-convenor asking for one of CONVENOR_ONLY_VIEWS, the way the
    admin refuses (see pilots.access.refusals); anonymous users are sent to the login page
    by the admin as usual."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and match.view_name in CONVENOR_ONLY_VIEWS
            and request.user.is_authenticated
            and not is_convenor(request.user)
        ):
            return permission_denied(request)
        return None
