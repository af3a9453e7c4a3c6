"""A convenor approves a resource for the public from the admin home, the resource list,
its edit page and its inspect page; the list shows whether each one is approved; the
approval page says what approving does; officers are offered none of it."""

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import SharedResource

RESOURCE = "wagtailsnippets_pilots_sharedresource"


def offered(resource_owner_pilot, **fields) -> SharedResource:
    return SharedResource.objects.create(
        lab=resource_owner_pilot.lab, borough=resource_owner_pilot.borough,
        kind="training", url="https://barnet.example/", **fields,
    )  # fmt: skip


def rows(client) -> dict[str, str]:
    """Each resource's title → its row's text in the list."""
    soup = BeautifulSoup(client.get(reverse(f"{RESOURCE}:list")).content, "html.parser")
    assert "Public toolkit" in soup.select_one("thead").get_text()
    found = {}
    for tr in soup.select("tbody tr"):
        text = " ".join(tr.get_text().split())
        found[next(t for t in ("Awaiting pack", "Approved pack", "Internal pack", "")
                   if t in text)] = text  # fmt: skip
    return found


def test_the_list_shows_each_resources_standing(client, convenor, barnet_pilot):
    from django.utils import timezone

    offered(barnet_pilot, title="Awaiting pack", visibility="public")
    offered(barnet_pilot, title="Approved pack", visibility="public", approved_at=timezone.now())
    offered(barnet_pilot, title="Internal pack", visibility="participants")
    client.force_login(convenor)
    found = rows(client)
    assert "Awaiting the GLA's approval" in found["Awaiting pack"]
    assert "Approved for the public" in found["Approved pack"]
    assert "Lab participants only" in found["Internal pack"]


def test_approve_is_offered_on_the_list_edit_and_inspect_pages(client, convenor, barnet_pilot):
    resource = offered(barnet_pilot, title="Awaiting pack", visibility="public")
    approve = reverse("pilots_resource_approve", args=[resource.pk])
    client.force_login(convenor)
    for page in (
        reverse(f"{RESOURCE}:list"),
        reverse(f"{RESOURCE}:edit", args=[resource.pk]),
        reverse(f"{RESOURCE}:inspect", args=[resource.pk]),
    ):
        soup = BeautifulSoup(client.get(page).content, "html.parser")
        link = soup.select_one(f'a[href="{approve}"]')
        assert link is not None and "Approve for the public" in link.get_text(), page

    confirm = " ".join(BeautifulSoup(client.get(approve).content, "html.parser").get_text().split())
    assert "Approving it lists it in the public toolkit's resource library" in confirm
    response = client.post(approve, {"next": reverse(f"{RESOURCE}:inspect", args=[resource.pk])},
                           follow=True)  # fmt: skip
    said = " ".join(response.content.decode().split())
    assert (
        "“Awaiting pack” is approved: the public toolkit&#x27;s resource library lists it now."
        in said
    )
    assert "Approved for the public on" in said  # the inspect page now says so
    soup = BeautifulSoup(client.get(reverse(f"{RESOURCE}:edit", args=[resource.pk])).content,
                         "html.parser")  # fmt: skip
    assert soup.select_one(f'a[href="{approve}"]') is None  # nothing left to approve


def test_officers_are_not_offered_approval(client, barnet_officer, barnet_pilot):
    resource = offered(barnet_pilot, title="Awaiting pack", visibility="public")
    approve = reverse("pilots_resource_approve", args=[resource.pk])
    client.force_login(barnet_officer)
    for page in (
        reverse(f"{RESOURCE}:list"),
        reverse(f"{RESOURCE}:edit", args=[resource.pk]),
        reverse(f"{RESOURCE}:inspect", args=[resource.pk]),
        reverse("wagtailadmin_home"),
    ):
        assert approve not in client.get(page).content.decode(), page
