from django.urls import include, path
from wagtail import hooks

from cms import twofactor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("", include(twofactor.urlpatterns))]
