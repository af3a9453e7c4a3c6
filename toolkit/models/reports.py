"""The Lab report page (Tables 1 and 2 computed live from the published records) and the
open data page (suppressed aggregates to download under the Open Government Licence)."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.pages import PublicPageMixin
from pilots.outcomes.ratings import lab_outcomes
from pilots.outcomes.table_1 import table_1
from toolkit import opendata
from toolkit.cache import generation_cached


class LabReportPage(PublicPageMixin, Page):
    lab = models.ForeignKey("designlab.Lab", on_delete=models.PROTECT, related_name="+")
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("lab"), FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Lab report page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        # Both change only when something is published: built once per generation.
        today = timezone.localdate()
        context["table_1"], context["outcomes"] = generation_cached(
            f"report:{self.lab_id}:{today}",
            lambda: (table_1(self.lab), lab_outcomes(self.lab, today=today)),
        )
        return context


class OpenDataPage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "open data page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["datasets"] = [
            {
                "dataset": dataset,
                "table": dataset.build(),
                "csv_url": reverse("toolkit:opendata", args=[dataset.slug, "csv"]),
                "json_url": reverse("toolkit:opendata", args=[dataset.slug, "json"]),
            }
            for dataset in opendata.DATASETS.values()
        ]
        # The files built otherwise than from a table above, each with its two downloads.
        context["files"] = [
            {
                "dataset": dataset,
                "csv_url": reverse("toolkit:opendata", args=[dataset.slug, "csv"]),
                "json_url": reverse("toolkit:opendata", args=[dataset.slug, "json"]),
            }
            for dataset in opendata.FILES
        ]
        context["threshold"] = opendata.threshold()
        context["licence"] = opendata.LICENCE
        context["api_url"] = reverse("toolkit:api-openapi")
        return context
