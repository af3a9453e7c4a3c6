from django.urls import path

from pilots.indicators import views

urlpatterns = [
    path("lab-dashboard/indicators/", views.IndicatorsView.as_view(), name="lab_indicators"),
]
