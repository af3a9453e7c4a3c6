"""Purging the edge cache (a CDN or reverse proxy in front: settings.WAGTAILFRONTENDCACHE).

When something the public site shows changes, the pages that show it are purged through
Wagtail's frontend cache backends once the change commits (before that, the edge could
fetch the old version again). Which pages show what is defined here, once:
- a page: itself, its parent (the index that lists it) and, for a menu page, every page
  (the navigation);
- a pilot (approved, withdrawn, a KPI reading added): its case studies, their index, the
  theme pages of its challenges, its Lab's report page and the open data page;
- a shared resource: the resource library and the theme pages that list it.
"""

import copy
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from pilots.models import Pilot, SharedResource
from toolkit.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LabReportPage,
    LabsComparedPage,
    OpenDataPage,
    ResourceLibraryPage,
    ThemePage,
)


def edge_purge(pages: Iterable[Page]) -> None:
    """Purge `pages` from the edge cache once the current transaction commits."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(pages)  # unpublished ones too: the edge may still hold them
    transaction.on_commit(batch.purge)


def edge_purge_everything() -> None:
    edge_purge(Page.objects.live().exclude(depth=1).specific(defer=True))


def pages_showing_page(page: Page) -> list[Page]:
    parent = page.get_parent()
    if page.show_in_menus and parent.depth == 2:  # a home page's menu: in every page's header
        return list(Page.objects.live().exclude(depth=1))
    return [page, parent] if parent.depth > 1 else [page]


def pages_showing_pilot(pilot: Pilot) -> list[Page]:
    # Its source's case study and its adaptations' say "Adapted by" / "Adapted from" it.
    lineage = Q(pilot=pilot) | Q(pilot__adapted_from=pilot) | Q(pilot__adaptations=pilot)
    case_studies = list(CaseStudyPage.objects.filter(lineage).distinct())
    indexes = CaseStudyIndexPage.objects.filter(
        path__in=[page.path[: -page.steplen] for page in case_studies]
    )
    return [
        *case_studies,
        *indexes,
        *ThemePage.objects.filter(challenge__in=pilot.challenges.all()),
        *LabReportPage.objects.filter(lab=pilot.lab_id),
        *OpenDataPage.objects.all(),
        *LabsComparedPage.objects.all(),
    ]


def pages_showing_resource(resource: SharedResource) -> list[Page]:
    return [
        *ResourceLibraryPage.objects.all(),
        *ThemePage.objects.filter(resource_links__resource=resource),
    ]


def pages_at_old_urls(page: Page, url_path_before: str) -> list[Page]:
    """`page` and its descendants as they were before a move or a change of slug, so that
    their old URLs can be purged too."""
    old = []
    for moved in Page.objects.descendant_of(page, inclusive=True).live():
        before = copy.copy(moved)
        before.url_path = url_path_before + moved.url_path.removeprefix(page.url_path)
        old.append(before)
    return old
