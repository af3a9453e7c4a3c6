"""Workshop materials for Lab participants only: the page is restricted to the Lab's
groups, and its documents sit in a private collection served by the permission-checked
document view."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.blocks import StreamBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from cms.pages import PublicPageMixin
from toolkit.blocks import MaterialBlock


class WorkshopMaterialsPage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("sessions", label="Session"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "workshop materials page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.sessions.select_related("session").order_by(
            "session__kind", "session__number"
        )
        return context


class SessionMaterials(Orderable):
    page = ParentalKey(WorkshopMaterialsPage, on_delete=models.CASCADE, related_name="sessions")
    session = models.ForeignKey("designlab.Session", on_delete=models.CASCADE, related_name="+")
    materials = StreamField(StreamBlock([("material", MaterialBlock())]), blank=True)

    panels = [FieldPanel("session"), FieldPanel("materials")]
