"""Admin views Wagtail opens to every admin user that show what only some may read, withheld
from the others the way the admin refuses (see pilots.access.refusals); anonymous users
are sent to the login page by the admin as usual.

- Wagtail's Site history report lists every borough's entries (it filters by content type
  only), so it is for convenors. Officers read the history of each of their own pilots and
  resources on the object's History page. (The workflow reports already refuse users
  without page permissions, which officers and convenors both lack; the menu shows none
  of these reports to such users.)
- Some of Wagtail's page views name a page to users who may not edit any: the page chooser
  and its search (draft pages' titles), the admin API behind the explorer (pages, and any
  document or image by id), a move's confirmation page, a page's workflow preview. Nobody
  without a page permission needs any of the page admin, so all of it is withheld from them.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail.admin.auth import permission_denied
from wagtail.permissions import page_permission_policy

from pilots.access.scoping import AnyUser, is_convenor

CONVENOR_ONLY_VIEWS = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
}
# View names starting with these: the page admin, its chooser and the admin API.
PAGE_EDITOR_VIEWS = ("wagtailadmin_pages:", "wagtailadmin_choose_page", "wagtailadmin_api:")
PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")


def withheld(user: AnyUser, view_name: str) -> bool:
    if view_name in CONVENOR_ONLY_VIEWS:
        return not is_convenor(user)
    if view_name.startswith(PAGE_EDITOR_VIEWS):
        return not page_permission_policy.user_has_any_permission(user, PAGE_ACTIONS)
    return False


class WithheldViewsMiddleware:
    """Refuses a signed-in user asking for a view `withheld` from them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        match = request.resolver_match
        if (
            match is not None
            and request.user.is_authenticated
            and withheld(request.user, match.view_name)
        ):
            return permission_denied(request)
        return None
