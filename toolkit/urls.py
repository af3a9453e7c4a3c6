from django.urls import include, path, re_path

from toolkit import views

app_name = "toolkit"

urlpatterns = [
    re_path(r"^open-data/(?P<slug>[-\w]+)\.(?P<fmt>csv|json)$", views.open_data, name="opendata"),
    path("api/v1/", include("toolkit.api.urls")),
]
