"""The public site's navigation: the home page's menu pages, in the page's language."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("cms/site_nav.html", takes_context=True)
def site_nav(context):
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        home = site.root_page.localized
        items = home.get_children().live().public().in_menu()
    return {"home": site.root_page.localized if site else None, "items": items,
            "current": context.get("page")}  # fmt: skip


@register.inclusion_tag("cms/language_switcher.html", takes_context=True)
def language_switcher(context):
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return {"translations": []}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {"translations": translations if len(translations) > 1 else [], "current": page}
