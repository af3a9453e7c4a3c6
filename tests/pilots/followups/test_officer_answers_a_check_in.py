"""An officer answers a check-in from their admin home: five short answers, submitted for
review or kept as a draft, posted as a browser does (CSRF enforced). Invalid answers are
refused with messages that say what to do."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.models import FollowUp
from tests.pilots.admin.page_forms import browser, page_form, post_as_browser

GOOD = {
    "still_running": "yes",
    "funded_by": "the council's core budget",
    "mainstream": "partly",
    "spread": "no",
    "update": "Now run by the welcome team.",
}


def url(pilot, months=12) -> str:
    return reverse("pilots_follow_up", args=[pilot.pk, months])


def test_the_home_page_links_each_due_check_in(barnet_officer, barnet_pilot):
    html = browser(barnet_officer).get(reverse("wagtailadmin_home")).content.decode()
    assert "Follow-up check-ins due (3)" in html
    for months in (6, 12, 24):
        assert f'href="{url(barnet_pilot, months)}"' in html


def test_officer_submits_a_check_in_for_review(barnet_officer, barnet_pilot):
    client = browser(barnet_officer)
    response = post_as_browser(client, url(barnet_pilot), data={**GOOD, "action": "submit"})
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(pilot=barnet_pilot, months_after=12)
    assert follow_up.status == FollowUp.Status.SUBMITTED
    assert (follow_up.still_running, follow_up.funded_by, follow_up.mainstream) == (
        "yes", "the council's core budget", "partly"
    )  # fmt: skip
    assert follow_up.due_on == barnet_pilot.lab.follow_up_due_on(12)
    assert follow_up.answered_on is not None
    assert ModelLogEntry.objects.filter(action="pilots.follow_up_submitted").exists()
    page = client.get(response.url).content.decode()
    assert "12-month check-in: submitted for review" in page
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Follow-up check-ins due (2)" in home


def test_a_draft_stays_due(barnet_officer, barnet_pilot):
    client = browser(barnet_officer)
    post_as_browser(client, url(barnet_pilot), data={**GOOD, "action": "draft"})
    assert FollowUp.objects.get(pilot=barnet_pilot).status == FollowUp.Status.DRAFT
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Follow-up check-ins due (3)" in home and "(draft saved)" in home


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"still_running": ""}, "still_running", "Say whether the pilot is still running"),
        ({"still_running": "maybe"}, "still_running", "from the list"),
        ({"funded_by": ""}, "funded_by", "Say who funds the pilot now it is still running"),
        ({"mainstream": "sometimes"}, "mainstream", "from the list"),
        ({"spread": ""}, "spread", "Say whether the pilot has spread to other sites"),
        ({"update": ""}, "update", "Enter a one-line update"),
        ({"update": "First line\nsecond line"}, "update", "Keep the update to one line"),
        ({"update": "x" * 201}, "update", "200 characters or fewer"),
    ],
)
def test_invalid_answers_are_refused(barnet_officer, barnet_pilot, change, field, message):
    client = browser(barnet_officer)
    response = post_as_browser(client, url(barnet_pilot), data={**GOOD, **change})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert f'href="#id_{field}' in html
    assert not FollowUp.objects.filter(pilot=barnet_pilot).exists()


def test_a_stopped_pilot_needs_no_funder(barnet_officer, barnet_pilot):
    data = {**GOOD, "still_running": "no", "funded_by": "whoever", "mainstream": "no"}
    post_as_browser(browser(barnet_officer), url(barnet_pilot), data=data)
    follow_up = FollowUp.objects.get(pilot=barnet_pilot)
    assert (follow_up.still_running, follow_up.funded_by) == ("no", "")


def test_the_form_posts_its_csrf_token(barnet_officer, barnet_pilot):
    action, values = page_form(browser(barnet_officer), url(barnet_pilot), "main form")
    assert action.endswith(url(barnet_pilot)) and values["csrfmiddlewaretoken"]


def test_a_check_in_the_lab_does_not_ask_for_is_not_found(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    assert client.get(url(barnet_pilot, 18)).status_code == 404


def test_a_check_in_not_yet_due_is_not_found(client, barnet_officer, barnet_pilot):
    barnet_pilot.lab.follow_up_months = [6, 600]
    barnet_pilot.lab.save()
    client.force_login(barnet_officer)
    assert client.get(url(barnet_pilot, 600)).status_code == 404
    assert client.get(url(barnet_pilot, 6)).status_code == 200


def test_the_answers_are_offered_as_radio_buttons(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    soup = BeautifulSoup(client.get(url(barnet_pilot)).content, "html.parser")
    values = [i["value"] for i in soup.select("input[name=mainstream][type=radio]")]
    assert values == ["yes", "partly", "no"]
