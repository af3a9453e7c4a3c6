"""Fixtures for the public site. Who is who (see tests/conftest.py): an anonymous visitor
sees only published, public content; `barnet_officer` and `convenor` are Lab participants
and may also open the workshop materials."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@pytest.fixture(autouse=True)
def empty_page_cache():
    # Each test's database is rolled back, so pages cached by an earlier test are stale.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def case_study(barnet_pilot):
    from toolkit.models import CaseStudyPage

    return CaseStudyPage.objects.get(pilot=barnet_pilot)


@pytest.fixture
def workshop_page(db):
    from toolkit.models import WorkshopMaterialsPage

    return WorkshopMaterialsPage.objects.get()


@pytest.fixture
def outsider(db, django_user_model):
    """Logged in, but neither a convenor nor a borough officer."""
    return django_user_model.objects.create_user("outsider", password="not-a-participant-1")


@pytest.fixture
def wsgi_requests_keep_the_transaction(db):
    """Let schemathesis call the WSGI application in-process: like Django's test client,
    keep the connection (and the test's transaction) open around each request."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
