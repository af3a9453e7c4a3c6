"""Uploading a return in the admin: the status page tells the officer what happened,
and says the import is queued when the worker or Redis is down instead of crashing."""

import datetime as dt

import kombu.pools
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pilots.models import ReturnUpload
from tests.pilots.returns.returns_helpers import filled

JUL = dt.date(2023, 7, 1)


def post_return(client, borough, content, name="return.xlsx"):
    return client.post(
        reverse("pilots_returns_borough", args=[borough.slug]),
        {"file": SimpleUploadedFile(name, content)},
    )


def test_upload_runs_and_status_page_reports_counts(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi, django_capture_on_commit_callbacks,
    tasks_in_process,
):  # fmt: skip
    client.force_login(barnet_officer)
    page = client.get(reverse("pilots_returns_borough", args=["barnet"]))
    assert b"Download the KPI return template" in page.content
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 33})
    with django_capture_on_commit_callbacks(execute=True):
        response = post_return(client, barnet_pilot.borough, content)
    upload = ReturnUpload.objects.get(borough=barnet_pilot.borough)
    assert response.url == reverse("pilots_return_status", args=[upload.pk])
    status = client.get(response.url).content.decode()
    assert "Imported." in status and "1 new reading," in status
    assert upload.file.name.startswith("returns/") and "return" not in upload.file.name[8:]


def test_refused_upload_lists_problems_on_status_page(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi, django_capture_on_commit_callbacks,
    tasks_in_process,
):  # fmt: skip
    client.force_login(barnet_officer)
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): "lots"})
    with django_capture_on_commit_callbacks(execute=True):
        response = post_return(client, barnet_pilot.borough, content)
    status = client.get(response.url).content.decode()
    assert "Refused: nothing was recorded." in status
    assert "<td>Return</td><td>4</td><td>Value (H)</td><td>“lots” is not a number." in status


def test_not_a_spreadsheet_is_refused_on_the_form(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    response = post_return(client, barnet_pilot.borough, b"just text", "notes.xlsx")
    assert response.status_code == 200
    assert "is not really a .xlsx file" in response.content.decode()
    assert not ReturnUpload.objects.exists()


@pytest.fixture
def broker_down(settings, monkeypatch):
    """A broker nobody listens on: sending a task fails as it does when Redis is down."""
    from cms.celery_app import app

    def pools_reset():
        # Celery and kombu cache connection pools; drop them so the broker URL is read anew.
        kombu.pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    saved = app.conf.task_always_eager, app.conf.broker_url, app.conf.task_publish_retry
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:9/0"
    # Celery reads the broker from the environment first, on runs that set it.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    app.conf.task_publish_retry = False
    pools_reset()
    yield
    app.conf.task_always_eager, app.conf.broker_url, app.conf.task_publish_retry = saved
    pools_reset()


def test_broker_down_shows_queued_not_a_crash(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi, broker_down,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client.force_login(barnet_officer)
    content = filled(barnet_pilot.borough, {(barnet_monthly_kpi.pk, JUL): 33})
    with django_capture_on_commit_callbacks(execute=True):
        response = post_return(client, barnet_pilot.borough, content)
    assert response.status_code == 302
    status = client.get(response.url).content.decode()
    assert "the job queue could not be reached" in status
    upload = ReturnUpload.objects.get()
    assert (upload.status, upload.sent_at) == (ReturnUpload.Status.QUEUED, None)
