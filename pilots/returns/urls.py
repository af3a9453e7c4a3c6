from django.urls import path

from pilots.returns import views

urlpatterns = [
    path("returns/", views.returns_index, name="pilots_returns"),
    path("returns/<slug:borough>/", views.returns_borough, name="pilots_returns_borough"),
    path(
        "returns/<slug:borough>/template.xlsx", views.return_template, name="pilots_return_template"
    ),
    path("returns/uploads/<int:pk>/", views.return_status, name="pilots_return_status"),
]
