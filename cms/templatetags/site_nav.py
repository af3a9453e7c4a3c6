"""The public site's navigation: the home page's menu pages and the footer's statutory
pages, in the page's language."""

from django import template
from django.template import Context
from django.utils import translation
from wagtail.models import Page, Site

from cms.models import FooterLinks

register = template.Library()


@register.inclusion_tag("cms/site_nav.html", takes_context=True)
def site_nav(context: Context) -> dict:
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        home = site.root_page.localized
        items = home.get_children().live().public().in_menu()
    return {"home": site.root_page.localized if site else None, "items": items,
            "current": context.get("page")}  # fmt: skip


@register.inclusion_tag("cms/language_switcher.html", takes_context=True)
def language_switcher(context: Context) -> dict:
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return {"translations": []}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {"translations": translations if len(translations) > 1 else [], "current": page}


@register.inclusion_tag("cms/footer_links.html", takes_context=True)
def footer_links(context: Context) -> dict:
    """The accessibility statement and privacy notice the site's settings name, each in
    the current language where translated, else as chosen; unpublished ones left out."""
    links = FooterLinks.for_request(context["request"])
    chosen = [p for p in (links.accessibility_statement, links.privacy_notice) if p is not None]
    translated = {}
    if chosen:
        translated = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                translation_key__in=[p.translation_key for p in chosen],
                locale__language_code=translation.get_language(),
            )
        }
    pages = [translated.get(p.translation_key, p if p.live else None) for p in chosen]
    return {"pages": [p for p in pages if p is not None]}
