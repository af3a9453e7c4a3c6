"""What clears the public page cache, here and at the edge: anything the public site shows
being published, unpublished, moved, deleted or made private.

Our own page cache starts a new generation on any of these (toolkit.cache); the edge cache
is purged of the pages that show what changed (toolkit.purge)."""

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.documents import get_document_model_string
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms.models import FooterLinks
from designlab.models import Attendance, Outcome, OutcomeMeasure, Participation, Session
from pilots.models import KPIReading, Pilot, ResourceReuse, SharedResource
from pilots.readings.review import readings_public_changed
from toolkit.cache import public_cache_invalidate
from toolkit.purge import (
    edge_purge,
    edge_purge_everything,
    pages_at_old_urls,
    pages_showing_page,
    pages_showing_pilot,
    pages_showing_resource,
)


def _connect(signal: Signal, sender: type[Model] | str | None = None) -> None:
    uid = f"toolkit-cache-{id(signal)}-{sender if sender else 'any'}"
    signal.connect(public_cache_invalidate, sender=sender, dispatch_uid=uid)


for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _connect(signal)
_connect(post_delete, Page)
# Snippet publishing (a pilot's approval) sends `published` with the model as sender.
_connect(published, Pilot)
_connect(unpublished, Pilot)
# Plain models the pages show (the footer's links too; what the report's Table 2 rates);
# privacy and sites, since cached pages are served before routing; locales, which pages
# are written in; documents, whose links change when a file moves to or from private storage.
for model in (
    KPIReading,
    SharedResource,
    ResourceReuse,
    Attendance,
    Session,
    Participation,
    Outcome,
    OutcomeMeasure,
    Locale,
    PageViewRestriction,
    Site,
    FooterLinks,
    get_document_model_string(),
):
    _connect(post_save, model)
    _connect(post_delete, model)


@receiver(page_published)
@receiver(page_unpublished)
def _page_purge(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    edge_purge(pages_showing_page(instance))


@receiver(page_slug_changed)
def _renamed_page_purge(
    sender: type[Page], instance: Page, instance_before: Page, **kwargs: Any
) -> None:
    edge_purge_everything()
    edge_purge(pages_at_old_urls(instance, instance_before.url_path))


@receiver(post_page_move)
def _moved_page_purge(
    sender: type[Page], instance: Page, url_path_before: str, **kwargs: Any
) -> None:
    edge_purge_everything()
    edge_purge(pages_at_old_urls(instance, url_path_before))


@receiver(published, sender=Pilot)
@receiver(unpublished, sender=Pilot)
def _pilot_purge(sender: type[Pilot], instance: Pilot, **kwargs: Any) -> None:
    edge_purge(pages_showing_pilot(instance))


@receiver(post_save, sender=KPIReading)
@receiver(post_delete, sender=KPIReading)
def _reading_purge(sender: type[KPIReading], instance: KPIReading, **kwargs: Any) -> None:
    pilot = Pilot.objects.filter(kpis=instance.kpi_id).first()
    if pilot is not None:
        edge_purge(pages_showing_pilot(pilot))


@receiver(readings_public_changed)
def _readings_reviewed_purge(sender, pilot_ids: set[int], **kwargs) -> None:
    public_cache_invalidate()
    for pilot in Pilot.objects.filter(pk__in=pilot_ids):
        edge_purge(pages_showing_pilot(pilot))


@receiver(post_save, sender=SharedResource)
@receiver(post_delete, sender=SharedResource)
def _resource_purge(sender: type[SharedResource], instance: SharedResource, **kwargs: Any) -> None:
    edge_purge(pages_showing_resource(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _privacy_purge(
    sender: type[PageViewRestriction], instance: PageViewRestriction, **kwargs: Any
) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        edge_purge([*pages_showing_page(page), *page.get_descendants()])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_purge(sender: type[Site], instance: Site, **kwargs: Any) -> None:
    edge_purge_everything()
