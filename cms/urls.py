from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from toolkit.sitemap import AllLanguagesSitemap
from toolkit.views import search

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": AllLanguagesSitemap}}),
    # Browsers and crawlers ask for /favicon.ico; the static URL is known only once the
    # manifest is loaded, hence lazy.
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("cms/favicon.ico"))),
    path("", include("toolkit.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Translated pages, and the search that finds them, live under a language prefix (/ar/...);
# English has none.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
