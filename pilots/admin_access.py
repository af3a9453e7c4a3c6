"""Refusals for the Lab's admin views. Wagtail's admin turns PermissionDenied into a
redirect to the dashboard; these views answer a plain 403 instead, so a refusal is
unambiguous to people, scripts and tests alike."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

from pilots.scoping import is_convenor


def forbidden(request):
    return permission_denied(request, PermissionDenied())


def convenors_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_convenor(request.user):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped
