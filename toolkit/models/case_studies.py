"""A case study per pilot. It shows only the pilot's published record: the database row
and its child rows while the pilot is live. A draft lives in a revision and never shows;
an unpublished pilot's case study is a 404."""

from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.pages import PublicPageMixin
from pilots.models import Evaluation, Pilot
from pilots.outcomes.evidence import EVIDENCE_RULE, pilot_evidence, pilots_with_evidence
from toolkit.cache import generation_cached
from toolkit.charts import kpi_chart
from toolkit.lineage import public_adaptations, public_source, with_public_lineage
from toolkit.progress import pilot_series, pilot_timeline
from toolkit.published import (
    kpi_progress,
    public_pages,
    published_pilot_shown,
    readings_broken_down,
    readings_hidden,
    shows_illustrative,
)
from toolkit.suppression import threshold


def case_study_shown(pilot_id: int) -> dict | None:
    """The published pilot `pilot_id` as its case study shows it: KPIs against target, each
    series charted, the timeline, evaluations; None if it is not published."""
    pilot = published_pilot_shown(pilot_id)
    if pilot is None:
        return None
    evaluations = list(pilot.evaluations.all())
    kpis = list(pilot.kpis.all())
    hidden = readings_hidden({kpi.pk for kpi in kpis})
    progress = [kpi_progress(kpi, hidden) for kpi in kpis]
    series = pilot_series(pilot, kpis, hidden)
    broken_down = readings_broken_down({kpi.pk for kpi in kpis}, hidden)
    # The latest approved check-in: what the pilot's officers last said, as reviewed.
    follow_up = pilot.approved_follow_ups[-1] if pilot.approved_follow_ups else None
    lineage = with_public_lineage(pilots_with_evidence(Pilot.objects.filter(pk=pilot.pk))).get()
    source, adapted_by = public_source(lineage), public_adaptations(lineage)
    urls = _case_study_urls([p.pk for p in [source, *adapted_by] if p])
    return {
        "pilot": pilot,
        "kpis": progress,
        "series": [
            {
                "item": item,
                "points": series[item.kpi.pk],
                "id": f"kpi-{item.kpi.pk}",
                "chart": kpi_chart(item.kpi, series[item.kpi.pk], item.baseline),
            }
            for item in progress
        ],  # fmt: skip
        # The latest reading's categories, of each KPI split by categories.
        "breakdowns": [
            {"kpi": item.kpi, "breakdown": broken_down[(item.kpi.pk, item.latest_period)]}
            for item in progress
            if (item.kpi.pk, item.latest_period) in broken_down
        ],
        "timeline": pilot_timeline(pilot),
        "evaluations": evaluations,
        "evaluated": any(e.status in Evaluation.IMPLEMENTED for e in evaluations),
        "follow_up": follow_up,
        # Each with its case study's address, where it has a public one.
        "adapted_from": {"pilot": source, "url": urls.get(source.pk)} if source else None,
        "adapted_by": [{"pilot": p, "url": urls.get(p.pk)} for p in adapted_by],
        "evidence": pilot_evidence(lineage),
        "evidence_rule": EVIDENCE_RULE,
        # Anything on the page marked illustrative gets the word explained once.
        "illustrative": shows_illustrative(pilot)
        or any(shows_illustrative(item.kpi) for item in progress)
        or (follow_up is not None and shows_illustrative(follow_up)),
    }


def _case_study_urls(pilot_ids: list[int]) -> dict[int, str]:
    """The public case study of each of `pilot_ids` that has one, by pilot id."""
    if not pilot_ids:
        return {}
    pages = public_pages(CaseStudyPage.objects.live().filter(pilot_id__in=pilot_ids))
    return {page.pilot_id: page.url for page in pages}


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

    def published_pilot(self) -> dict | None:
        """What the page shows of its pilot as published (`case_study_shown`), kept until
        the next publish or review; None if the pilot is not live."""
        if self.pilot_id is None:
            return None
        pilot_id = self.pilot_id
        return generation_cached(f"case-study:{pilot_id}", lambda: case_study_shown(pilot_id))

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        shown = self.published_pilot()
        if shown is None:
            raise Http404("This pilot is not published.")
        request.case_study_shown = shown
        return super().serve(request, *args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["threshold"] = threshold()
        shown = getattr(request, "case_study_shown", None) or self.published_pilot()
        context.update(shown or {"pilot": None})
        return context
