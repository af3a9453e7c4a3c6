"""Whole-page caching for anonymous visitors to public pages.

Every cached response is keyed by a *generation*; publishing anything the public site
shows (a page, a pilot, a KPI reading, a shared resource) starts a new generation, so
no visitor sees a stale page after a publish. Logged-in users, private pages, previews
and requests with a query string are never cached.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "toolkit:page-cache-generation"


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def public_cache_invalidate(**kwargs) -> None:
    """Start a new generation: every cached page is stale from now on. A signal receiver."""
    # A fresh timestamp, not incr(): an evicted counter restarting at 1 could revive old pages.
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _request_key(request) -> str | None:
    """The cache key for an anonymous GET without a query string; None for anything else."""
    if request.method != "GET" or request.GET or getattr(request, "is_preview", False):
        return None
    if request.user.is_authenticated:
        return None
    return f"toolkit:page:{_generation()}:{request.get_host()}:{request.path}"


def public_api_cache_key(request) -> str:
    """The key for a public API response (`toolkit.api.base`), in the pages' generation so
    that a publish makes it stale too: the whole URL, query string included; the API
    answers everyone alike."""
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"toolkit:api:{_generation()}:{url}"


def cached_serve(callback):
    """An `on_serve_page` hook: store the response of a page anyone may see."""

    def inner(page, request, serve_args, serve_kwargs):
        key = _request_key(request)
        if key is not None and page.get_view_restrictions().exists():
            key = None
        response = callback(page, request, serve_args, serve_kwargs)
        if key is not None and response.status_code == 200:
            response["X-Page-Cache"] = "miss"

            def store(rendered):
                cache.set(key, rendered, settings.TOOLKIT_PAGE_CACHE_SECONDS)

            if hasattr(response, "add_post_render_callback"):
                response.add_post_render_callback(store)
            else:
                store(response)
        return response

    return inner


class PublicPageCacheMiddleware:
    """Answer a repeat anonymous request for a public page from the cache, before Wagtail
    routes it (routing costs a query per path segment, and the privacy check one more).
    Only responses the hook above stored are found here, so only public pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _request_key(request)
        response = cache.get(key) if key is not None else None
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        return self.get_response(request)
