"""The Django floor: the least a Django process does for a request. One view returns fixed
bytes (FLOOR_BODY_FILE: the page being measured, so both send the same bytes); no middleware,
no database, no templates. Served by gunicorn as `django_floor:application`."""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import re_path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    SECRET_KEY="floor-benchmark-only",  # noqa: S106 - signs nothing: no sessions, no forms
)
BODY = Path(os.environ["FLOOR_BODY_FILE"]).read_bytes()


def page(request) -> HttpResponse:
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
