"""Whole-page caching of public pages, in this app and at the edge.

Anonymous visitors' pages are kept in the cache under a *generation*: publishing anything
the public site shows (a page, a pilot, a KPI reading, a shared resource) starts a new one,
so no visitor sees a stale page after a publish. Logged-in users, private pages, previews
and requests with a query string are never cached.

Public pages are sent with `Cache-Control: public, max-age` (and `s-maxage` when an edge
cache is purged on publish: toolkit.purge), an `ETag` and a `Last-Modified` (the
generation's start), so browsers revalidate with a 304 and a CDN or reverse proxy can
serve them. Every other page says `Cache-Control: private`.
"""

import functools
import hashlib
import pickle
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.pages import PublicPageMixin

CONDITIONAL_HEADERS = frozenset(["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"])
PER_RESPONSE = frozenset(["X-Request-ID"])  # set on every response, never stored
PUBLIC = "toolkit_public_page"
WAGTAIL_SERVE = ("wagtail.views", "serve")  # Wagtail's page view (its module needs the apps)
SAFE = frozenset(["GET", "HEAD"])  # the response attribute that marks a page anyone may see

# Wagtail's `on_serve_page` callback: (page, request, serve_args, serve_kwargs) -> response.
ServePage = Callable[[Page, HttpRequest, tuple[Any, ...], dict[str, Any]], HttpResponse]


@functools.cache
def generation_key() -> str:
    """Where the current generation is kept, per release of the static files: a deploy
    that renames them (their names carry their hashes) starts from a generation of its
    own, as the pages the last release kept name files the new one no longer serves."""
    release = getattr(staticfiles_storage, "manifest_hash", "")  # "" without a manifest
    return f"toolkit:page-cache-generation:{release}"


def _generation() -> int:
    key = generation_key()
    generation = cache.get(key)
    if generation is None:
        cache.add(key, time.time_ns(), None)
        generation = cache.get(key)
    return generation


def public_generation() -> int:
    """The current generation: what else is kept only until the next publish varies on it."""
    return _generation()


def generation_cached(name: str, build):
    """`build()`, kept until the next publish: for what a page needs that changes only
    when something is published (the pages behind privacy, Table 2's ratings, …)."""
    return cache.get_or_set(
        f"toolkit:{name}:{_generation()}", build, settings.TOOLKIT_PAGE_CACHE_SECONDS
    )


def _generation_start() -> None:
    # A fresh timestamp, not incr(): an evicted counter restarting at 1 could revive old pages.
    cache.set(generation_key(), time.time_ns(), None)


def public_cache_invalidate(**kwargs: Any) -> None:
    """Start a new generation: every cached page is stale from now on. A signal receiver."""
    _generation_start()
    # And again once the change commits: a page built meanwhile from the data as it was
    # before would otherwise be stored under the new generation.
    transaction.on_commit(_generation_start)


def public_api_cache_key(request: HttpRequest) -> str:
    """The key for a public API response (`toolkit.api.base`), in the pages' generation so
    that a publish makes it stale too: the whole URL, query string included; the API
    answers everyone alike."""
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"toolkit:api:{_generation()}:{url}"


def public_page_cache_key(request: HttpRequest) -> str:
    """The key for a public page, by host and path. Hashed: a path may be longer than a
    cache key may be, or hold spaces and control characters (decoded from %20, %01), which
    memcached refuses and Django warns of (CacheKeyWarning)."""
    where = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    return f"toolkit:page:{where}"


def cached_serve(callback: ServePage) -> ServePage:
    """An `on_serve_page` hook: mark the response of a page anyone may see as public."""

    def inner(
        page: Page,
        request: HttpRequest,
        serve_args: tuple[Any, ...],
        serve_kwargs: dict[str, Any],
    ) -> HttpResponse:
        response = callback(page, request, serve_args, serve_kwargs)
        if (
            response.status_code == 200
            and request.method == "GET"
            and not request.GET
            and not getattr(request, "is_preview", False)
            and not request.user.is_authenticated
            and not page.get_view_restrictions().exists()
        ):
            setattr(response, PUBLIC, True)
        else:
            patch_cache_control(response, private=True)
        return response

    return inner


def _cacheable(request: HttpRequest) -> bool:
    """An anonymous visitor's GET without a query string: the cookie is enough to tell (the
    session is not loaded yet), and a stale session cookie only costs a cache miss."""
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.STATIC_URL)
        # SecurityMiddleware, below, sends a plain-HTTP request to HTTPS.
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
    )


class PublicPageCacheMiddleware:
    """Answer a repeat anonymous request for a public page from the cache, ahead of every
    middleware but the request id and /health/ (security headers, sessions, authentication,
    Wagtail's routing: a query per path segment, one more for privacy). The response is
    stored as the middleware below it left it, security headers and all, so a hit costs
    one cache round trip and the conditional check (If-None-Match, If-Modified-Since) that
    ConditionalGetMiddleware would make. Only responses the hook above marked are stored."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable(request):
            return self.get_response(request)
        key = public_page_cache_key(request)
        found = cache.get_many([generation_key(), key])
        generation = found.get(generation_key()) or _generation()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _, status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            if CONDITIONAL_HEADERS.intersection(request.META):
                return _conditional.process_response(request, response)
            return response
        response = self.get_response(request)
        if getattr(response, PUBLIC, False) and not response.cookies and not response.streaming:
            self.public_headers_set(response, generation)
            headers = {k: v for k, v in response.items() if k not in PER_RESPONSE}
            cache.set(key, (generation, response.status_code, headers, response.content),
                      settings.TOOLKIT_PAGE_CACHE_SECONDS)  # fmt: skip
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def public_headers_set(response: HttpResponse, generation: int) -> None:
        edge = {"s_maxage": settings.TOOLKIT_PAGE_CACHE_SECONDS}
        patch_cache_control(response, public=True, max_age=settings.TOOLKIT_PAGE_MAX_AGE,
                            **(edge if settings.WAGTAILFRONTENDCACHE else {}))  # fmt: skip
        response["Last-Modified"] = http_date(generation // 1_000_000_000)
        set_response_etag(response)


# What the settings' ConditionalGetMiddleware does, for a page answered from the cache.
_conditional = ConditionalGetMiddleware(lambda request: HttpResponse())


class PageRouteCacheMiddleware:
    """Routing a page request costs a query for the site and two for the page (see
    cms.pages.descendant_route), with the same answer until the next publish: a page
    published, unpublished, moved, renamed or made private, or a site changed, each starts
    a new generation. So Wagtail's page view gets its site and route (which Wagtail keeps
    on the request) from the cache, per generation, host, port, path and language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args: tuple, kwargs: dict) -> None:
        if (view.__module__, view.__name__) != WAGTAIL_SERVE or request.method not in SAFE:
            return
        path = kwargs.get("path", args[0] if args else "")
        where = f"{request._get_raw_host()}|{request.get_port()}|{path}|{get_language()}"
        key = f"toolkit:route:{_generation()}:{hashlib.sha256(where.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            found = (Site.find_for_request(request), Page.route_for_request(request, path))
            if found[1] is not None and isinstance(found[1][0], PublicPageMixin):
                found[1][0].get_view_restrictions()  # its privacy, kept with it (one query)
            try:
                cache.set(key, found, settings.TOOLKIT_PAGE_CACHE_SECONDS)
            except (pickle.PicklingError, TypeError, AttributeError):
                return  # a sub-route whose view cannot be kept: routed each time
        request._wagtail_site, request._wagtail_route_for_request = found
