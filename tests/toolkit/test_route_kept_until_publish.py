"""A page built for each request takes its site and route from the cache, kept until the
next publish: unpublishing, making private or moving a page shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from toolkit.models import ThemePage

pytestmark = pytest.mark.django_db

BUILT = "/toolkit/esol/?built=each-time"  # a query string: never the page cache


def test_a_routed_page_costs_no_routing_queries_the_second_time(client):
    client.get(BUILT)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BUILT).status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "wagtailcore_site" not in sql and "pageviewrestriction" not in sql


def test_an_unpublished_page_is_gone_at_once(client):
    assert client.get(BUILT).status_code == 200
    ThemePage.objects.get(slug="esol").unpublish()
    assert client.get(BUILT).status_code == 404


def test_a_page_made_private_asks_for_a_login_at_once(client):
    assert client.get(BUILT).status_code == 200
    theme = ThemePage.objects.get(slug="esol")
    PageViewRestriction.objects.create(page=theme, restriction_type="login")
    assert client.get(BUILT).status_code == 302


def test_a_renamed_page_is_found_at_its_new_address(client):
    assert client.get(BUILT).status_code == 200
    theme = ThemePage.objects.get(slug="esol")
    theme.slug = "english-for-speakers"
    theme.save_revision().publish()
    assert client.get(BUILT).status_code == 404
    assert client.get("/toolkit/english-for-speakers/?built=1").status_code == 200
