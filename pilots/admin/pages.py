"""The tracker's own Wagtail admin pages: a header that names the page, as Wagtail's own
pages do (Home › title)."""

from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class AdminPageMixin(WagtailAdminTemplateMixin):
    """For class-based views."""

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


def admin_page(
    request: HttpRequest, template: str, title: str, icon: str = "table", **context
) -> TemplateResponse:
    """For function views: `template` extends wagtailadmin/generic/base.html."""
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": icon, **context},
    )
