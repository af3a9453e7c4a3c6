"""Wagtail's Site history report lists every borough's entries (it filters by content
type only), so it is for convenors. Officers read the history of each of their own
pilots and resources on the object's History page. (The workflow reports already refuse
users without page permissions, which officers and convenors both lack; the menu shows
none of these reports to such users.)"""

from django.core.exceptions import PermissionDenied

from pilots.scoping import is_convenor

CONVENOR_ONLY_VIEWS = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
}


class ConvenorOnlyReportsMiddleware:
    """403 for a signed-in non-convenor asking for one of CONVENOR_ONLY_VIEWS (anonymous
    users are sent to the login page by the admin as usual)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and match.view_name in CONVENOR_ONLY_VIEWS
            and request.user.is_authenticated
            and not is_convenor(request.user)
        ):
            raise PermissionDenied
