"""Fixtures shared by the officers' tests: uploads land in a temporary media root."""

from decimal import Decimal

import pytest

from pilots.models import KPI


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def barnet_monthly_kpi(barnet_pilot):
    """A monthly percentage KPI of Barnet's pilot with no readings: six periods owed
    (July to December 2023)."""
    return KPI.objects.create(
        pilot=barnet_pilot, name="Placements lasting three months", unit=KPI.Unit.PERCENT,
        frequency=KPI.Frequency.MONTHLY, baseline=Decimal(0), target=Decimal(80), sort_order=9,
    )  # fmt: skip


@pytest.fixture
def csrf_client():
    """A browser-like client: every POST must carry the CSRF token of the page it came from
    (post what `tests.pilots.access.access_matrix_world.form_data` reads off the page)."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def csrf_token(client) -> str:
    """A CSRF token the client's browser holds, for a POST whose own page refuses to open."""
    from django.conf import settings
    from django.utils.crypto import get_random_string

    token = get_random_string(32)
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    return token
