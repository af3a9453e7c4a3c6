"""The sitemap of every language of the site, not only the default one."""

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail lists the pages under the site's root page; translations (/ar/…) live
    under the root's translations, so each language's tree is listed too."""

    def items(self) -> QuerySet[Page]:
        trees = Q()
        for home in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
