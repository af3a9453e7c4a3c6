"""What clears the public page cache: anything the public site shows being published,
unpublished, moved, deleted or made private."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms.models import FooterLinks
from pilots.models import KPIReading, Pilot, SharedResource
from toolkit.cache import public_cache_invalidate


def _connect(signal, sender=None) -> None:
    uid = f"toolkit-cache-{id(signal)}-{sender.__name__ if sender else 'any'}"
    signal.connect(public_cache_invalidate, sender=sender, dispatch_uid=uid)


for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _connect(signal)
_connect(post_delete, Page)
# Snippet publishing (a pilot's approval) sends `published` with the model as sender.
_connect(published, Pilot)
_connect(unpublished, Pilot)
# Plain models the pages show (the footer's links too); privacy and sites, since cached
# pages are served before routing.
for model in (KPIReading, SharedResource, PageViewRestriction, Site, FooterLinks):
    _connect(post_save, model)
    _connect(post_delete, model)
