"""Sending a pilot to the GLA for approval is the officer's main action in the pilot
editor, in plain words; the officer's home page and the pilots list say where each pilot
stands ("draft saved, not yet sent", then "waiting for the GLA"); the convenor's approval
is confirmed on screen. No Wagtail jargon ("moderation", "workflow") on the way."""

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import Approval, Pilot
from tests.pilots.access.access_matrix_world import form_data

PILOT = "wagtailsnippets_pilots_pilot"
JARGON = ("moderation", "Moderation", "workflow", "Workflow")


def edit(pilot) -> str:
    return reverse(f"{PILOT}:edit", args=[pilot.pk])


def main_button(client, pilot) -> str:
    """The label of the editor's main button (the other actions are under its menu)."""
    soup = BeautifulSoup(client.get(edit(pilot)).content, "html.parser")
    footer = soup.select_one("footer")
    button = footer.select_one("button[type=submit]")
    return " ".join(button.get_text().split())


def messages(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one(".messages").get_text().split())


def officer_status(client) -> str:
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return soup.select_one("[data-approval]")["data-approval"]


def test_officer_drafts_sends_and_the_convenor_approves(
    client, barnet_officer, convenor, barnet_pilot
):
    client.force_login(barnet_officer)
    assert main_button(client, barnet_pilot) == "Send to the GLA for approval"
    assert officer_status(client) == Approval.APPROVED

    # A draft: saved, not sent, and the home page and the list say so.
    data = form_data(client.get(edit(barnet_pilot))) | {"title": "Volunteering, year two"}
    response = client.post(edit(barnet_pilot), data, follow=True)
    said = messages(response)
    assert "Draft of “Volunteering, year two” saved. It is not yet sent to the GLA" in said
    assert "Send to the GLA for approval" in said
    assert officer_status(client) == Approval.DRAFT
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Draft saved, not yet sent to the GLA" in home
    listing = client.get(reverse(f"{PILOT}:list")).content.decode()
    assert "Draft saved, not yet sent to the GLA" in listing

    # Sent: waiting for the GLA.
    data = form_data(client.get(edit(barnet_pilot))) | {"action-submit": "Send"}
    response = client.post(edit(barnet_pilot), data, follow=True)
    said = messages(response)
    assert said.startswith("“Volunteering, year two” is sent to the GLA for approval.")
    assert not any(word in said for word in JARGON)
    assert officer_status(client) == Approval.WAITING
    listing = client.get(reverse(f"{PILOT}:list")).content.decode()
    assert "Waiting for the GLA&#x27;s approval" in listing
    # The editor's status panel too, where Wagtail said "In Moderation", "Locked by workflow".
    status = BeautifulSoup(client.get(edit(barnet_pilot)).content, "html.parser")
    status = " ".join(status.select_one("[data-side-panel='status']").get_text().split())
    assert (
        "Waiting for the GLA's approval" in status and "Locked while the GLA reviews it" in status
    )
    assert not any(word in status for word in JARGON)

    # The convenor approves from the home page's Approve button: confirmed on screen.
    client.force_login(convenor)
    task_state = Pilot.objects.get(pk=barnet_pilot.pk).current_workflow_task_state
    approve = reverse(f"{PILOT}:workflow_action", args=[barnet_pilot.pk, "approve", task_state.pk])
    assert approve in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.post(approve, {}, follow=True)
    assert "“Volunteering, year two” is approved and published" in messages(response)
    client.force_login(barnet_officer)
    assert officer_status(client) == Approval.APPROVED


def test_changes_asked_for_say_so_and_offer_sending_again(
    client, barnet_officer, convenor, barnet_pilot
):
    barnet_pilot.save_revision(user=barnet_officer)
    barnet_pilot.get_workflow().start(barnet_pilot, barnet_officer)
    client.force_login(convenor)
    task_state = Pilot.objects.get(pk=barnet_pilot.pk).current_workflow_task_state
    reject = reverse(f"{PILOT}:workflow_action", args=[barnet_pilot.pk, "reject", task_state.pk])
    response = client.post(reject, {"comment": "Add the second year's dates"}, follow=True)
    assert "Changes requested on" in messages(response)

    client.force_login(barnet_officer)
    assert officer_status(client) == Approval.CHANGES
    assert main_button(client, barnet_pilot) == "Send to the GLA again"


def test_convenor_keeps_publish_as_an_action(client, convenor, barnet_pilot):
    """Convenors publish; for them the editor keeps Wagtail's order (save, publish)."""
    client.force_login(convenor)
    soup = BeautifulSoup(client.get(edit(barnet_pilot)).content, "html.parser")
    names = [b.get("name") for b in soup.select("footer button[name]")]
    assert "action-publish" in names
    labels = " ".join(soup.select_one("footer").get_text().split())
    assert "Send to the GLA for approval" in labels and "Submit to" not in labels


def test_editor_and_home_use_no_wagtail_jargon_for_officers(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    for url in (reverse("wagtailadmin_home"), edit(barnet_pilot), reverse(f"{PILOT}:list")):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        for hidden in soup.select("script, template, [hidden]"):
            hidden.decompose()
        footer_and_main = " ".join(
            element.get_text() for element in soup.select("main, footer, .messages")
        )
        assert "submitted for moderation" not in footer_and_main
        assert "Submit to" not in footer_and_main, url
