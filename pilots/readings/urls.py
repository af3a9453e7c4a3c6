from django.urls import path

from pilots.readings import views

urlpatterns = [path("readings/<int:kpi>/", views.readings, name="pilots_readings")]
