"""The resource library: shared resources a convenor approved for the public, filtered by
theme, kind and borough, with search; and a page of its own for each of them."""

import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from cms.pages import PublicPageMixin
from designlab.models import Borough
from pilots.models import SharedResource
from toolkit.cache import generation_cached
from toolkit.links import resources_linked
from toolkit.models.themes import ThemePage
from toolkit.published import public_pages, shows_illustrative


def public_resources() -> QuerySet[SharedResource]:
    return SharedResource.objects.public().select_related("borough", "document")


# Double quotes and control characters are query syntax (or invalid) to the full-text
# engines: SQLite's FTS5 fails on an unbalanced quote, PostgreSQL on a NUL.
_QUERY_SYNTAX = re.compile(r'["\x00-\x1f\x7f]')


def search_text(raw: str) -> str:
    """What a visitor typed, as plain words a search backend accepts."""
    return " ".join(_QUERY_SYNTAX.sub(" ", raw).split())[:200]


def resources_search(query: str, resources: Iterable[SharedResource]) -> list[SharedResource]:
    """`resources` (public ones) whose title or description matches `query`, best first.
    Both backends stem English words ("volunteering" finds "volunteer"): PostgreSQL with
    its English configuration, SQLite with FTS5's porter tokenizer (cms migration 0004)."""
    query = search_text(query)
    if not query:
        return []
    allowed = {r.pk: r for r in resources}
    candidates = SharedResource.objects.filter(visibility=SharedResource.Visibility.PUBLIC)
    hits = get_search_backend().search(query, candidates)
    return [allowed[hit.pk] for hit in hits if hit.pk in allowed]


class LibraryFilterForm(forms.Form):
    """Each filter offers only the choices that have public resources: none leads nowhere."""

    q = forms.CharField(label=_("Search resources"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind of resource"), required=False)
    borough = forms.ChoiceField(label=_("Borough"), required=False)

    def __init__(self, *args: Any, themes: Iterable[ThemePage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["theme"].choices = any_choice + [(t.slug, t.title) for t in themes]
        kinds, boroughs = generation_cached("library-choices", _filter_choices)
        self.fields["kind"].choices = any_choice + [
            choice for choice in SharedResource.Kind.choices if choice[0] in kinds
        ]
        self.fields["borough"].choices = any_choice + boroughs


def _filter_choices() -> tuple[set[str], list[tuple[str, str]]]:
    """The kinds and boroughs of the public resources: they change only when a resource
    is saved, which starts a new generation."""
    public = public_resources()
    kinds = set(public.order_by().values_list("kind", flat=True).distinct())
    boroughs = Borough.objects.filter(resources__in=public).distinct().order_by("name")
    return kinds, list(boroughs.values_list("slug", "name"))


class ResourceLibraryPage(PublicPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    content_kept_until_publish = False  # filtered by the query string, one resource a route

    class Meta:
        verbose_name = "resource library"

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides=self.listing(request))

    @path("<int:pk>/")
    def resource_route(self, request: HttpRequest, pk: int) -> HttpResponse:
        resource = get_object_or_404(public_resources(), pk=pk)
        themes = (
            public_pages(ThemePage.objects.live())
            .filter(resource_links__resource=resource)
            .order_by("title")
        )
        return self.render(
            request,
            template="toolkit/resource_page.html",
            context_overrides={
                "resource": resource,
                "themes": themes,
                "illustrative": shows_illustrative(resource),
            },
        )

    def listing(self, request: HttpRequest) -> dict:
        """The filter form and the public resources it selects."""
        themes = list(
            public_pages(ThemePage.objects.live())
            .filter(locale=self.locale_id, resource_links__resource__in=public_resources())
            .distinct()
            .order_by("title")
            .defer_streamfields()
        )
        form = LibraryFilterForm(request.GET or None, themes=themes)
        resources = public_resources()
        query, filtered = "", False
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            if data["kind"]:
                resources = resources.filter(kind=data["kind"])
            if data["borough"]:
                resources = resources.filter(borough__slug=data["borough"])
            if data["theme"]:
                theme = next(t for t in themes if t.slug == data["theme"])  # a valid choice
                resources = resources.filter(pk__in=theme.resource_links.values("resource_id"))
            query = search_text(data["q"])
            filtered = bool(query or data["kind"] or data["borough"] or data["theme"])
        resources = list(resources.order_by("title"))
        if query:
            resources = resources_search(query, resources)
        return {
            "form": form,
            "resources": resources_linked(resources, self),
            "query": query,
            "filtered": filtered,
        }
