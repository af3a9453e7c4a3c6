"""Where a public resource opens: its document, its link, or its own page in the library."""

from collections.abc import Iterable

from django.apps import apps
from wagtail.models import Page

from pilots.models import SharedResource
from toolkit.cache import generation_cached


def resources_linked(
    resources: Iterable[SharedResource], library: Page | None
) -> list[SharedResource]:
    """The resources, each with `href`: its document, else its link, else its page in the
    library, so that every resource a visitor sees opens."""
    base = library.url if library is not None else None
    linked = list(resources)
    for resource in linked:
        if resource.document_id:
            resource.href = resource.document.url
        elif resource.url:
            resource.href = resource.url
        else:
            resource.href = f"{base}{resource.pk}/" if base else None
    return linked


def resource_library() -> Page | None:
    """The public library page whose pages the resources link to. Looked up by name: the
    library's page model reads the theme pages, which link resources through here."""
    library = apps.get_model("toolkit", "ResourceLibraryPage")
    return generation_cached(
        "resource-library",
        lambda: library.objects.live().public().order_by("path").defer_streamfields().first(),
    )
