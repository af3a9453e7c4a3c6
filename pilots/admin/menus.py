"""Admin menu items shown by role."""

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem

from pilots.access.scoping import is_convenor, user_borough


class ParticipantMenuItem(MenuItem):
    """Shown to convenors and borough officers."""

    def is_shown(self, request: HttpRequest) -> bool:
        return user_borough(request.user) is not None or is_convenor(request.user)


class ConvenorMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return is_convenor(request.user)
