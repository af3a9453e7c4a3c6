"""Every create, edit and publish is in the audit log. Convenors read all of it (Site
history); an officer reads the history of their own borough's pilots only."""

from django.urls import reverse

from tests.pilots.access.access_matrix_world import form_data
from tests.refusals import refused


def test_edits_are_logged_and_history_is_scoped(
    client, barnet_officer, brent_officer, convenor, barnet_pilot, brent_pilot
):
    for officer, pilot in ((barnet_officer, barnet_pilot), (brent_officer, brent_pilot)):
        client.force_login(officer)
        url = reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])
        data = form_data(client.get(url)) | {"title": f"{pilot.borough} edited"}
        assert client.post(url, data).status_code == 302

    client.force_login(barnet_officer)
    history = reverse("wagtailsnippets_pilots_pilot:history", args=[barnet_pilot.pk])
    assert "Barnet edited" in client.get(history).content.decode()
    other = reverse("wagtailsnippets_pilots_pilot:history", args=[brent_pilot.pk])
    assert client.get(other).status_code == 404
    site_history = reverse("wagtailadmin_reports:site_history")
    assert refused(client.get(site_history))
    assert refused(client.get(reverse("wagtailadmin_reports:site_history_results")))

    client.force_login(convenor)
    page = client.get(site_history).content.decode()
    assert "Barnet edited" in page and "Brent edited" in page
