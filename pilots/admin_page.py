"""Base for the tracker's own Wagtail admin pages."""

from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class AdminPageMixin(WagtailAdminTemplateMixin):
    """Its header names the page (Home › title), as Wagtail's own pages do."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]
