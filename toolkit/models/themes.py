"""The toolkit: an index of themes (the report's integration issues and themes in
practice), each with its good practice, the pilots that address it and its resources."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.pages import PublicPageMixin
from pilots.models import Pilot, SharedResource
from toolkit.links import resource_library, resources_linked
from toolkit.published import public_pages


class ToolkitIndexPage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["toolkit.ThemePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "toolkit index"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = public_pages(ThemePage.objects.child_of(self).live())
        return context


class ThemePage(PublicPageMixin, Page):
    summary = models.CharField(max_length=300, help_text="One sentence shown in listings.")
    challenge = models.ForeignKey(
        "designlab.Challenge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The report's integration challenge, if this theme is one: its pilots show.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("body"),
        InlinePanel("resource_links", label="Resource"),
    ]
    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "theme page"

    # The template asks for both inside {% public_content %}: no query once it is kept.
    def case_studies(self) -> models.QuerySet:
        from toolkit.models.case_studies import CaseStudyPage

        if not self.challenge_id:
            return CaseStudyPage.objects.none()
        return (
            public_pages(CaseStudyPage.objects.live())
            .filter(pilot__in=Pilot.objects.published(), pilot__challenges=self.challenge_id)
            .select_related("pilot__borough")
            .order_by("pilot__borough__name")
        )

    def resources(self) -> list:
        public = [
            link.resource
            for link in self.resource_links.select_related(
                "resource__borough", "resource__document"
            )
            if link.resource.is_public
        ]
        return resources_linked(public, resource_library()) if public else []


class ResourceTheme(Orderable):
    """A shared resource filed under a theme (the library filters by it)."""

    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(SharedResource, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "resource"], name="one_theme_link")]
