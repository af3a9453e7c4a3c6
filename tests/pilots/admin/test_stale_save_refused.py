"""Two people edit the same pilot: the second, stale save is refused with a message and
their input is kept on the page; the first save is not lost."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from pilots.models import Pilot
from tests.pilots.access.access_matrix_world import form_data


def test_second_stale_save_is_refused(client, barnet_officer, convenor, barnet_pilot):
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    client.force_login(barnet_officer)
    officer_form = form_data(client.get(url))  # the officer opens the pilot...
    client.force_login(convenor)
    convenor_form = form_data(client.get(url))  # ...and so does the convenor

    client.post(url, convenor_form | {"title": "Convenor's title"})  # convenor saves first
    first = Pilot.objects.get(pk=barnet_pilot.pk).latest_revision

    client.force_login(barnet_officer)
    response = client.post(url, officer_form | {"title": "Officer's title"})

    assert response.status_code == 200
    assert "Someone else saved this pilot after you opened it" in response.content.decode()
    assert response.context["form"]["title"].value() == "Officer's title"  # input kept
    latest = Pilot.objects.get(pk=barnet_pilot.pk).latest_revision
    assert latest == first and latest.as_object().title == "Convenor's title"

    # Reloading gives a fresh form, which saves.
    fresh = form_data(client.get(url)) | {"title": "Officer's title"}
    assert client.post(url, fresh).status_code == 302
    latest = Pilot.objects.get(pk=barnet_pilot.pk).latest_revision
    assert latest.as_object().title == "Officer's title"


@pytest.mark.slow
def test_two_saves_at_once_one_is_refused(transactional_db, django_db_serialized_rollback):
    """Both forms loaded from the same version and posted at the same moment: the row lock
    makes one wait for the other, which then sees the newer revision and is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("threads share no transaction on SQLite's test database")
    from designlab.models import Lab
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    # A transactional test starts from an empty database, unless it is the first one.
    if not Lab.objects.filter(slug="asylum-welcome-2023").exists():
        load_asylum_welcome_2023()
        demo_accounts_ensure()
    pilot = Pilot.objects.filter(borough__slug="barnet").first()
    officer = get_user_model().objects.get(username="officer-barnet")
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])
    forms = []
    for title in ("First title", "Second title"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(officer)
        forms.append((client, form_data(client.get(url)) | {"title": title}))
    start, answers = threading.Barrier(2), []

    def save(client: Client, data: dict) -> None:
        try:
            start.wait()
            answers.append(client.post(url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 302]  # one saved, one told someone else saved first


def test_a_resource_saved_from_an_out_of_date_form_is_refused(
    barnet_officer, convenor, barnet_pilot, lab
):
    """Resources keep no revisions: their form carries the version it was loaded from."""
    from pilots.models import SharedResource

    resource = SharedResource.objects.create(
        lab=lab, borough=barnet_pilot.borough, title="Rota", kind="training",
        url="https://barnet.example/rota",
    )  # fmt: skip
    url = reverse("wagtailsnippets_pilots_sharedresource:edit", args=[resource.pk])
    officer = Client(enforce_csrf_checks=True)
    officer.force_login(barnet_officer)
    stale = form_data(officer.get(url))
    assert stale["loaded_version"]

    other = Client(enforce_csrf_checks=True)
    other.force_login(convenor)
    assert other.post(url, form_data(other.get(url)) | {"title": "Rota, 2nd"}).status_code == 302

    response = officer.post(url, stale | {"title": "Rota, officer's"})
    assert response.status_code == 200
    said = response.content.decode()
    assert "Someone else saved this shared resource after you opened it" in said
    assert SharedResource.objects.get(pk=resource.pk).title == "Rota, 2nd"

    fresh = form_data(officer.get(url)) | {"title": "Rota, officer's"}
    assert officer.post(url, fresh).status_code == 302
    assert SharedResource.objects.get(pk=resource.pk).title == "Rota, officer's"
