from django.urls import path

from pilots.notifications import views

urlpatterns = [
    path("email-preferences/", views.email_preferences, name="pilots_email_preferences"),
]
