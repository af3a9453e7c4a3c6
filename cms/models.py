from wagtail.admin.panels import FieldPanel
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
