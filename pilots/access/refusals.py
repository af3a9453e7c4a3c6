"""The one way the tracker's admin views refuse: raise PermissionDenied, which Wagtail's
admin turns into its redirect to the dashboard with "Sorry, you do not have permission to
access this area." (`wagtail.admin.auth.require_admin_access`), as it does for its own
views. An object of another borough is not refused but hidden: it answers 404."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from pilots.access.scoping import is_convenor, user_borough


def convenors_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_convenor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def participants_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Convenors and borough officers; anyone else with admin access is refused."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (is_convenor(request.user) or user_borough(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
