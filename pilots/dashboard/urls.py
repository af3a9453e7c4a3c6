from django.urls import path

from pilots.dashboard import views

urlpatterns = [
    path("lab-dashboard/", views.DashboardView.as_view(), name="lab_dashboard"),
    path(
        "lab-dashboard/<int:lab_id>/snapshot/",
        views.snapshot_take,
        name="lab_outcomes_snapshot",
    ),
]
