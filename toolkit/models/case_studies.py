"""A case study per pilot. It shows only the pilot's published record: the database row
and its child rows while the pilot is live. A draft lives in a revision and never shows;
an unpublished pilot's case study is a 404."""

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.pages import PublicPageMixin
from pilots.models import Evaluation, Pilot
from toolkit.charts import kpi_chart
from toolkit.progress import pilot_series, pilot_timeline
from toolkit.published import (
    kpi_progress,
    public_pages,
    published_pilot_shown,
    readings_hidden,
    shows_illustrative,
)
from toolkit.suppression import threshold


class CaseStudyIndexPage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["toolkit.CaseStudyPage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "case study index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = (
            public_pages(CaseStudyPage.objects.child_of(self).live())
            .filter(pilot__in=Pilot.objects.published())
            .select_related("pilot__borough")
            .order_by("pilot__borough__name", "title")
        )
        return context


class CaseStudyPage(PublicPageMixin, Page):
    pilot = models.ForeignKey(
        "pilots.Pilot", null=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    commentary = StreamField(BodyBlock(), blank=True, help_text="Editorial text around the record.")

    content_panels = Page.content_panels + [FieldPanel("pilot"), FieldPanel("commentary")]
    parent_page_types = ["toolkit.CaseStudyIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("commentary")]

    class Meta:
        verbose_name = "case study"

    def published_pilot(self):
        """The pilot as published, with what the page shows prefetched; None if not live."""
        if self.pilot_id is None:
            return None
        return published_pilot_shown(self.pilot_id)

    def serve(self, request, *args, **kwargs):
        pilot = self.published_pilot()
        if pilot is None:
            raise Http404("This pilot is not published.")
        request.published_pilot = pilot
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pilot = getattr(request, "published_pilot", None) or self.published_pilot()
        context["pilot"] = pilot
        context["threshold"] = threshold()
        if pilot is not None:
            evaluations = list(pilot.evaluations.all())
            kpis = list(pilot.kpis.all())
            hidden = readings_hidden({kpi.pk for kpi in kpis})
            context["kpis"] = [kpi_progress(kpi, hidden) for kpi in kpis]
            series = pilot_series(pilot, kpis, hidden)
            context["series"] = [
                {"item": item, "points": series[item.kpi.pk], "id": f"kpi-{item.kpi.pk}",
                 "chart": kpi_chart(item.kpi, series[item.kpi.pk], item.baseline)}
                for item in context["kpis"]
            ]  # fmt: skip
            context["timeline"] = pilot_timeline(pilot)
            context["evaluations"] = evaluations
            context["evaluated"] = any(e.status in Evaluation.IMPLEMENTED for e in evaluations)
            # Anything on the page marked illustrative gets the word explained once.
            context["illustrative"] = shows_illustrative(pilot) or any(
                shows_illustrative(item.kpi) for item in context["kpis"]
            )
        return context
