from django.urls import path, re_path

from toolkit.api import views

# Any id segment reaches the view, so that a malformed one gets a JSON 404 too.
urlpatterns = [
    path("pilots/", views.PilotList.as_view(), name="api-pilots"),
    re_path(r"^pilots/(?P<pk>[^/]+)/$", views.PilotDetail.as_view(), name="api-pilot"),
    path("kpis/", views.KPIList.as_view(), name="api-kpis"),
    path("readings/", views.ReadingList.as_view(), name="api-readings"),
    path("indicators/", views.IndicatorList.as_view(), name="api-indicators"),
    path("openapi.json", views.OpenAPIDocument.as_view(), name="api-openapi"),
]
