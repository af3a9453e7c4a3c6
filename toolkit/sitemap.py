"""The sitemap of every language of the site, not only the default one."""

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pilots.models import Pilot
from toolkit.models import CaseStudyPage
from toolkit.published import public_pages


class AllLanguagesSitemap(Sitemap):
    """Wagtail lists the pages under the site's root page; translations (/ar/…) live
    under the root's translations, so each language's tree is listed too. Pages are
    listed as plain pages (a URL and a date need nothing more), not one query per page
    type; case studies of unpublished pilots are left out in the same query."""

    def items(self) -> QuerySet[Page]:
        trees = Q()
        for home in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        hidden = CaseStudyPage.objects.exclude(pilot__in=Pilot.objects.published())
        return (
            public_pages(Page.objects.filter(trees).live())
            .exclude(pk__in=hidden.values("pk"))
            .order_by("path")
            .defer_streamfields()
        )
