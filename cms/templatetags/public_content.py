"""`{% public_content %}…{% endpublic_content %}`: a public page's content, rendered once
per publish. What a page shows changes only when something is published (toolkit.cache
starts a new generation then), so the page built for a request after the first reuses its
content, queries and all, and renders only what is around it. Wagtail's page fragment
cache does the rest: it keys on the page's state and site, and never caches a preview."""

from django import template
from django.conf import settings
from django.template.base import FilterExpression, Parser
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

register = template.Library()


class PublicContentNode(WagtailPageCacheNode):
    def render(self, context: template.Context) -> str:
        page = context.get("page")
        if not getattr(page, "content_kept_until_publish", False):
            return self.nodelist.render(context)
        return super().render(context)


@register.tag
def public_content(parser: Parser, token) -> PublicContentNode:
    nodelist = parser.parse(("endpublic_content",))
    parser.delete_first_token()
    # Varies on the generation and the language base.html chose; kept no longer than pages.
    vary_on = [FilterExpression(name, parser) for name in ("generation", "code")]
    timeout = FilterExpression(str(settings.TOOLKIT_PAGE_CACHE_SECONDS), parser)
    return PublicContentNode(nodelist, timeout, "public_content", vary_on, None)
