from django.urls import path

from pilots.readings import outliers, views

urlpatterns = [
    path("readings/<int:kpi>/", views.readings, name="pilots_readings"),
    path("readings/pilot/<int:pilot>/", views.pilot_readings, name="pilots_pilot_readings"),
    path("readings/unusual/", outliers.outliers, name="pilots_outliers"),
]
