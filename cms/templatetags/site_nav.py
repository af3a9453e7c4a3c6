"""The public site's navigation: the home page's menu pages and the footer's statutory
pages, in the page's language. They change only when something is published, so base.html
keeps them in the cache for the page cache's generation (toolkit.cache): a page built for
a request spends no query on them."""

from django import template
from django.core.cache import cache
from django.template import Context
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.models import FooterLinks
from toolkit.cache import public_generation

register = template.Library()


@register.simple_tag
def page_generation() -> int:
    """The page cache's generation: what the cached navigation and footer vary on."""
    return public_generation()


@register.simple_tag(takes_context=True)
def page_language(context, generation: int) -> str:
    """The language `page` is written in (a language code), else the request's: from a map
    of locales kept for the generation, so that no page asks the database for its locale."""
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return translation.get_language()
    codes = cache.get_or_set(
        f"cms:locale-codes:{generation}",
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
        None,
    )
    return codes.get(locale_id) or translation.get_language()


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
