"""Deploy checks of our own, run by `manage.py check --deploy`."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.db import DatabaseError

from cms.demo_accounts import demo_accounts


@checks.register(checks.Tags.security, deploy=True)
def demo_mode_off(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    if not settings.DEMO_MODE:
        return []
    return [
        checks.Warning(
            "DEMO_MODE is on: demo accounts share a published password and two-factor "
            "sign-in is off for every account.",
            hint="Set DEMO_MODE=0 on any site that holds real records.",
            id="cms.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def demo_accounts_removed(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Demo accounts left in a database (seeded by `make run`) would sign in with the
    published password the moment DEMO_MODE is switched on again."""
    try:
        names = list(demo_accounts().filter(is_active=True).values_list("username", flat=True))
    except DatabaseError as error:  # e.g. a build step with no database yet
        return [
            checks.Info(
                f"Could not look for demo accounts: the database cannot be read ({error}).",
                id="cms.I001",
            )
        ]
    if not names:
        return []
    return [
        checks.Error(
            f"{len(names)} demo account(s) with the published password are active: "
            f"{', '.join(sorted(names)[:10])}.",
            hint="Delete them with `manage.py demo_accounts --remove`.",
            id="cms.E001",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def cache_shared(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Public pages, their content and routes are kept until the next publish in the cache
    (toolkit.cache): a cache in each process's memory would hear of a publish in one
    gunicorn worker only, and the others would serve the old pages for up to an hour."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not backend.endswith(("locmem.LocMemCache", "dummy.DummyCache")):
        return []
    return [
        checks.Warning(
            "The cache is in each process's memory: a publish clears the public pages of "
            "only the worker that made it.",
            hint="Set CACHE_URL to a Redis shared by every app server, e.g. redis://host:6379/1.",
            id="cms.W002",
        )
    ]
