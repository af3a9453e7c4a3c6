"""Two people edit the same pilot: the second, stale save is refused with a message and
their input is kept on the page; the first save is not lost."""

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
