from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock


class HomePage(Page):
    intro = RichTextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # One per language: translations of the home page are its siblings under the root.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"


@register_setting(icon="link")
class FooterLinks(BaseSiteSetting):
    """The pages every public page links to from its footer, as UK public-sector sites
    must: each shows in the visitor's language where it is translated."""

    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    select_related = ["accessibility_statement", "privacy_notice"]

    panels = [FieldPanel("accessibility_statement"), FieldPanel("privacy_notice")]

    class Meta:
        verbose_name = "footer links"
