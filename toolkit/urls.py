from django.urls import path, re_path

from toolkit import api, views

app_name = "toolkit"

urlpatterns = [
    re_path(r"^open-data/(?P<slug>[-\w]+)\.(?P<fmt>csv|json)$", views.open_data, name="opendata"),
    path("api/v1/pilots/", api.pilot_list, name="api-pilots"),
    path("api/v1/pilots/<int:pk>/", api.pilot_detail, name="api-pilot"),
    path("api/v1/kpis/", api.kpi_list, name="api-kpis"),
    path("api/v1/openapi.json", api.openapi_description, name="api-openapi"),
]
