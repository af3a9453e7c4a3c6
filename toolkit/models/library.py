"""The resource library: shared resources a convenor approved for the public, filtered by
theme, kind and borough, with search."""

import re

from django import forms
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from designlab.models import Borough
from pilots.models import SharedResource


def public_resources():
    return SharedResource.objects.public().select_related("borough", "document")


# Double quotes and control characters are query syntax (or invalid) to the full-text
# engines: SQLite's FTS5 fails on an unbalanced quote, PostgreSQL on a NUL.
_QUERY_SYNTAX = re.compile(r'["\x00-\x1f\x7f]')


def search_text(raw: str) -> str:
    """What a visitor typed, as plain words a search backend accepts."""
    return " ".join(_QUERY_SYNTAX.sub(" ", raw).split())[:200]


def resources_search(query: str, resources) -> list[SharedResource]:
    """`resources` (public ones) that match `query`, best first: PostgreSQL full-text on
    PostgreSQL, the database backend's matching elsewhere."""
    query = search_text(query)
    if not query:
        return []
    allowed = {r.pk: r for r in resources}
    candidates = SharedResource.objects.filter(visibility=SharedResource.Visibility.PUBLIC)
    hits = get_search_backend().search(query, candidates)
    return [allowed[hit.pk] for hit in hits if hit.pk in allowed]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label="Search resources", required=False, max_length=200)
    theme = forms.ChoiceField(label="Theme", required=False)
    kind = forms.ChoiceField(label="Kind of resource", required=False)
    borough = forms.ChoiceField(label="Borough", required=False)

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", "Any")]
        self.fields["theme"].choices = any_choice + [(t.slug, t.title) for t in themes]
        self.fields["kind"].choices = any_choice + list(SharedResource.Kind.choices)
        self.fields["borough"].choices = any_choice + [
            (b.slug, b.name)
            for b in Borough.objects.filter(resources__in=public_resources()).distinct()
        ]


class ResourceLibraryPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "resource library"

    def get_context(self, request, *args, **kwargs):
        from toolkit.models.themes import ThemePage

        context = super().get_context(request, *args, **kwargs)
        themes = ThemePage.objects.live().public().filter(locale=self.locale_id).order_by("title")
        form = LibraryFilterForm(request.GET or None, themes=themes)
        resources = public_resources()
        query = ""
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            if data["kind"]:
                resources = resources.filter(kind=data["kind"])
            if data["borough"]:
                resources = resources.filter(borough__slug=data["borough"])
            if data["theme"]:
                theme = themes.get(slug=data["theme"])
                resources = resources.filter(pk__in=theme.resource_links.values("resource_id"))
            query = search_text(data["q"])
        resources = list(resources.order_by("title"))
        if query:
            resources = resources_search(query, resources)
        context.update(form=form, resources=resources, query=query)
        return context
