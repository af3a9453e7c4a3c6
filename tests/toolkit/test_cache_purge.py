"""With an edge cache in front (a reverse proxy answering HTTP PURGE, as Varnish does),
publishing purges the page that changed and the pages that list it, once the change is
committed. A real HTTP server on a free port stands in for the proxy and records the calls."""

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from pilots.models import SharedResource
from toolkit.models import ThemePage

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    calls: list[tuple[str, str]]

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.calls.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge(settings):
    """A proxy that records PURGE requests, configured as the site's frontend cache."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.calls = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {"proxy": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
    }}  # fmt: skip
    yield server
    server.shutdown()
    server.server_close()


def purged(edge) -> set[str]:
    assert {host for host, _ in edge.calls} <= {"localhost"}  # the site's host, for the proxy
    return {path for _, path in edge.calls}


def test_publishing_a_theme_purges_it_and_its_index(edge, django_capture_on_commit_callbacks):
    theme = ThemePage.objects.get(slug="esol")
    with django_capture_on_commit_callbacks(execute=True):
        theme.save_revision().publish()
    assert purged(edge) == {"/toolkit/esol/", "/toolkit/"}


def test_nothing_is_purged_before_the_change_commits(edge, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ThemePage.objects.get(slug="esol").save_revision().publish()
    assert edge.calls == []
    for callback in callbacks:
        callback()
    assert "/toolkit/esol/" in purged(edge)


def test_approving_a_pilot_purges_its_case_study_and_every_page_showing_it(
    edge, barnet_pilot, case_study, django_capture_on_commit_callbacks
):
    barnet_pilot.key_lesson = "A newly approved lesson"
    with django_capture_on_commit_callbacks(execute=True):
        barnet_pilot.save_revision().publish()
    paths = purged(edge)
    assert {case_study.url, "/case-studies/", "/report/", "/open-data/"} <= paths
    themes = ThemePage.objects.filter(challenge__in=barnet_pilot.challenges.all())
    assert themes.exists() and {theme.url for theme in themes} <= paths
    assert "/resources/" not in paths  # not a page that shows pilots


def test_withdrawing_a_pilot_purges_its_case_study(
    edge, barnet_pilot, case_study, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        barnet_pilot.unpublish()
    assert case_study.url in purged(edge)


def test_a_new_reading_purges_the_case_study(
    edge, barnet_pilot, case_study, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        barnet_pilot.kpis.first().readings.create(period_start=dt.date(2024, 1, 1), value=39)
    assert {case_study.url, "/open-data/"} <= purged(edge)


def test_approving_a_resource_purges_the_library_and_its_themes(
    edge, django_capture_on_commit_callbacks
):
    resource = SharedResource.objects.get(title="Home Office contacts")
    themes = {page.url for page in ThemePage.objects.filter(resource_links__resource=resource)}
    assert themes  # the seed files it under themes
    resource.visibility = SharedResource.Visibility.PUBLIC
    resource.approved_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        resource.save()
    assert purged(edge) == {"/resources/", *themes}


def test_renaming_a_page_purges_its_old_address_too(edge, django_capture_on_commit_callbacks):
    theme = ThemePage.objects.get(slug="esol")
    theme.slug = "english-language"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save_revision().publish()
    assert {"/toolkit/esol/", "/toolkit/english-language/", "/toolkit/"} <= purged(edge)


def test_without_an_edge_cache_nothing_is_sent(edge, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        ThemePage.objects.get(slug="esol").save_revision().publish()
    assert edge.calls == []


def test_an_edge_that_does_not_answer_does_not_stop_a_publish(
    settings, client, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"proxy": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:9",  # nothing listens on the discard port here
    }}  # fmt: skip
    theme = ThemePage.objects.get(slug="esol")
    theme.summary = "Published while the proxy is down"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save_revision().publish()
    assert b"Published while the proxy is down" in client.get("/toolkit/esol/").content
