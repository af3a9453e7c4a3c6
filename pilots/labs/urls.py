from django.urls import path

from pilots.labs import views

urlpatterns = [
    path("labs-compared/", views.labs_compared_page, name="labs_compared"),
]
