from django.urls import path

from pilots.resources import views

urlpatterns = [
    path("resources/<int:pk>/reuse/", views.resource_reuse, name="pilots_resource_reuse"),
    path(
        "resources/<int:pk>/reuse/withdraw/",
        views.resource_reuse_withdraw,
        name="pilots_resource_reuse_withdraw",
    ),
    path("resources/<int:pk>/approve/", views.resource_approve, name="pilots_resource_approve"),
    path("resources/<int:pk>/withdraw/", views.resource_withdraw, name="pilots_resource_withdraw"),
]
