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
from designlab.models import Lab
from pilots.labs.compared import labs_compared
from pilots.labs.lineage import lineage_rows
from pilots.outcomes.evidence import EVIDENCE_RULE
from toolkit.cache import generation_cached
from toolkit.opendata import POOLED_ROW, indicator_rows


def shared_across_labs(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """The pooled rows of the open data's indicators table (masked as published there),
    for the indicators two or more Labs use: (indicator name, rows)."""
    names = dict(Lab.objects.values_list("slug", "name"))
    pooled: dict[str, list[dict]] = {}
    for row in rows:
        if row["borough"] == POOLED_ROW:
            pooled.setdefault(row["indicator_name"], []).append(
                {**row, "lab": names.get(row["lab"], row["lab"])}
            )
    return [(name, rows) for name, rows in pooled.items() if len({r["lab"] for r in rows}) > 1]


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
        context["compared"], context["lineage"], context["shared_indicators"] = generation_cached(
            f"labs-compared:{today}",
            lambda: (
                labs_compared(today=today),
                lineage_rows(published_only=True),
                shared_across_labs(indicator_rows()),
            ),
        )
        context["evidence_rule"] = EVIDENCE_RULE
        return context
