"""The public page comparing the Labs: each Lab's outcome ratings side by side with the
counts behind them and the strength of their evidence, and the practice that travelled
between pilots. Built only from published records (`pilots.labs`)."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.pages import PublicPageMixin
from pilots.labs.compared import labs_compared
from pilots.labs.lineage import lineage_rows
from pilots.outcomes.evidence import EVIDENCE_RULE
from toolkit.cache import generation_cached


class LabsComparedPage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Labs compared page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        # Both change only when something is published: built once per generation.
        context["compared"], context["lineage"] = generation_cached(
            f"labs-compared:{today}",
            lambda: (labs_compared(today=today), lineage_rows(published_only=True)),
        )
        context["evidence_rule"] = EVIDENCE_RULE
        return context
