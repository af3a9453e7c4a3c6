"""A Barnet officer neither reads nor answers Brent's check-ins: the form is a 404 by GET
and by POST, nothing changes, and Brent's pilots are not on Barnet's home page."""

from django.urls import reverse

from pilots.models import FollowUp
from tests.pilots.followups.helpers import answered

ANSWERS = {"still_running": "no", "mainstream": "no", "spread": "no", "update": "Stopped."}


def test_barnet_cannot_open_or_answer_brents_check_in(client, barnet_officer, brent_pilot):
    client.force_login(barnet_officer)
    url = reverse("pilots_follow_up", args=[brent_pilot.pk, 12])
    assert client.get(url).status_code == 404
    assert client.post(url, ANSWERS).status_code == 404
    assert not FollowUp.objects.filter(pilot=brent_pilot).exists()


def test_barnet_cannot_change_brents_returned_check_in(client, barnet_officer, brent_pilot):
    returned = answered(brent_pilot, 6, FollowUp.Status.RETURNED)
    client.force_login(barnet_officer)
    url = reverse("pilots_follow_up", args=[brent_pilot.pk, 6])
    assert client.get(url).status_code == 404
    assert client.post(url, ANSWERS).status_code == 404
    returned.refresh_from_db()
    assert (returned.status, returned.update) == (
        "returned",
        "Now part of the welcome team's offer.",
    )


def test_brents_check_ins_are_not_on_barnets_home(client, barnet_officer, brent_pilot):
    client.force_login(barnet_officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Follow-up check-ins due" in html
    assert brent_pilot.title not in html
    assert reverse("pilots_follow_up", args=[brent_pilot.pk, 6]) not in html


def test_brents_officer_answers_brents(client, brent_officer, brent_pilot):
    client.force_login(brent_officer)
    url = reverse("pilots_follow_up", args=[brent_pilot.pk, 12])
    assert client.get(url).status_code == 200


def test_a_convenor_may_answer_for_any_borough(client, convenor, brent_pilot):
    client.force_login(convenor)
    url = reverse("pilots_follow_up", args=[brent_pilot.pk, 12])
    assert client.post(url, {**ANSWERS, "action": "submit"}).status_code == 302
    assert FollowUp.objects.get(pilot=brent_pilot).status == FollowUp.Status.SUBMITTED
