"""Convenors review check-ins as they review readings: approve (which locks them and puts
them on the public site) or return with a comment, which the officer reads on their home
page and on the form. Officers never review."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.followups.review import ReviewRefused, follow_ups_approve, follow_ups_return
from pilots.models import FollowUp
from tests.pilots.admin.page_forms import browser, post_as_browser
from tests.pilots.followups.helpers import answered
from tests.refusals import refused

Status = FollowUp.Status


@pytest.fixture
def waiting(barnet_pilot):
    return answered(barnet_pilot, 12)


def review(convenor, data: dict):
    client = browser(convenor)
    return client, post_as_browser(
        client, reverse("pilots_follow_ups_review"), "main form[method=post]", data=data
    )


def test_the_listing_shows_what_waits(client, convenor, waiting, brent_pilot):
    answered(brent_pilot, 6, Status.DRAFT)  # a draft does not wait for review
    client.force_login(convenor)
    html = client.get(reverse("pilots_follow_ups_review")).content.decode()
    assert waiting.pilot.title in html and "Now part of the welcome team" in html
    assert f'name="follow_up" value="{waiting.pk}"' in html
    assert brent_pilot.title not in html
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 follow-up check-in to review" in home


def test_convenor_approves_and_it_is_locked(convenor, barnet_officer, waiting):
    client, response = review(convenor, {"follow_up": [waiting.pk], "action": "approve"})
    assert "1 check-in approved" in client.get(response.url).content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.APPROVED
    # The officer's form no longer takes answers: the page says it is locked.
    officer = browser(barnet_officer)
    page = officer.get(reverse("pilots_follow_up", args=[waiting.pilot_id, 12]))
    assert "Approved, so it is locked" in page.content.decode()
    assert 'name="update"' not in page.content.decode()


def test_an_approved_check_in_refuses_a_change(client, barnet_officer, waiting):
    FollowUp.objects.filter(pk=waiting.pk).update(status=Status.APPROVED)
    client.force_login(barnet_officer)
    response = client.post(
        reverse("pilots_follow_up", args=[waiting.pilot_id, 12]),
        {"still_running": "no", "mainstream": "no", "spread": "no", "update": "Changed"},
    )
    assert response.status_code == 200
    assert "is approved, so it is locked" in response.content.decode()
    waiting.refresh_from_db()
    assert (waiting.still_running, waiting.update) == (
        "yes",
        "Now part of the welcome team's offer.",
    )


def test_convenor_returns_with_a_comment_the_officer_reads(convenor, barnet_officer, waiting):
    comment = "Say which grant funds it."
    review(convenor, {"follow_up": [waiting.pk], "action": "return", "comment": comment})
    waiting.refresh_from_db()
    assert (waiting.status, waiting.review_comment) == (Status.RETURNED, comment)
    officer = browser(barnet_officer)
    home = officer.get(reverse("wagtailadmin_home")).content.decode()
    assert "returned, “Say which grant funds it.”" in home
    form_url = reverse("pilots_follow_up", args=[waiting.pilot_id, 12])
    assert comment in officer.get(form_url).content.decode()
    post_as_browser(officer, form_url, data={"funded_by": "A trust grant", "action": "submit"})
    waiting.refresh_from_db()
    assert (waiting.status, waiting.funded_by) == (Status.SUBMITTED, "A trust grant")


def test_a_return_needs_a_comment(convenor, waiting):
    client, response = review(convenor, {"follow_up": [waiting.pk], "action": "return"})
    assert "a return needs a comment" in client.get(response.url).content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    with pytest.raises(ReviewRefused):
        follow_ups_return(FollowUp.objects.all(), comment="  ", user=convenor)


def test_only_waiting_check_ins_are_approved(convenor, barnet_pilot):
    draft = answered(barnet_pilot, 6, Status.DRAFT)
    assert follow_ups_approve(FollowUp.objects.all(), user=convenor) == 0
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_officers_never_review(client, barnet_officer, waiting):
    client.force_login(barnet_officer)
    assert refused(client.get(reverse("pilots_follow_ups_review")))
    act = reverse("pilots_follow_ups_review_act")
    assert refused(client.post(act, {"follow_up": [waiting.pk], "action": "approve"}))
    waiting.refresh_from_db()
    assert waiting.status == Status.SUBMITTED
    assert "Check-ins to review" not in client.get("/admin/").content.decode()


def test_convenor_reopens_an_approved_check_in_with_a_reason(convenor, barnet_officer, waiting):
    FollowUp.objects.filter(pk=waiting.pk).update(status=Status.APPROVED)
    page = reverse("pilots_follow_up", args=[waiting.pilot_id, 12])
    client = browser(convenor)
    selector = "main form[action$='/reopen/']"

    unsaid = post_as_browser(client, page, selector, data={"reason": " "})
    assert "Say why the check-in is reopened" in client.get(unsaid.url).content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.APPROVED

    reopened = post_as_browser(client, page, selector, data={"reason": "Funding changed."})
    assert "reopened. It is back with the officer" in client.get(reopened.url).content.decode()
    waiting.refresh_from_db()
    assert (waiting.status, waiting.review_comment) == (Status.RETURNED, "Funding changed.")
    # The officer corrects it on the form, which says why it came back.
    form = browser(barnet_officer).get(page).content.decode()
    assert "Funding changed." in form and 'name="update"' in form
    entry = ModelLogEntry.objects.get(action="pilots.follow_up_reopened")
    assert (entry.object_id, entry.user, entry.data) == (
        str(waiting.pk),
        convenor,
        {"comment": "Funding changed."},
    )


def test_an_officer_sees_no_reopen_button_and_cannot_reopen(client, barnet_officer, waiting):
    FollowUp.objects.filter(pk=waiting.pk).update(status=Status.APPROVED)
    client.force_login(barnet_officer)
    page = client.get(reverse("pilots_follow_up", args=[waiting.pilot_id, 12])).content.decode()
    assert "/reopen/" not in page and "ask a convenor" in page
    response = client.post(reverse("pilots_follow_up_reopen", args=[waiting.pk]), {"reason": "x"})
    assert refused(response)
    waiting.refresh_from_db()
    assert waiting.status == Status.APPROVED
