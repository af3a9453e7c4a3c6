"""Whatever sends an anonymous visitor to sign in — a participants-only document, the
workshop materials page and its documents, any admin page — lands on a working sign-in
page, and signing in there returns them to what they asked for (issue 15, item 10: a
participants-only document sent visitors to /accounts/login/, a 404)."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection

from pilots.models import SharedResource
from tests.cms.two_factor_helpers import code

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def no_cached_pages():
    cache.clear()  # the public page cache outlives each test's rolled-back database
    yield
    cache.clear()


def participants_only_document(pilot):
    document = get_document_model().objects.create(
        title="Hotel contacts",
        file=SimpleUploadedFile("hotel-contacts.pdf", PDF),
        collection=Collection.get_first_root_node(),
    )
    SharedResource.objects.create(
        lab=pilot.lab, borough=pilot.borough, title="Hotel contacts", kind="training",
        document=document, visibility=SharedResource.Visibility.PARTICIPANTS,
    )  # fmt: skip
    return document.url


def workshop_page():
    from toolkit.models import WorkshopMaterialsPage

    return WorkshopMaterialsPage.objects.get()


def workshop_document():
    page = workshop_page()
    return page.sessions.first().materials[0].value["document"].url


def sign_in_form(response) -> tuple[str, dict]:
    """The sign-in form's address and fields, as a browser would submit them."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("input", attrs={"name": "password"}).find_parent("form")
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    return form.get("action") or response.wsgi_request.get_full_path(), fields


def signed_in_and_returned(url: str, username: str, password: str = "designlab-demo") -> Client:
    """An anonymous visitor opens `url`, signs in where they are sent, and is sent back.
    Returns their client, signed in."""
    browser = Client(enforce_csrf_checks=True)
    asked = browser.get(url)
    assert asked.status_code == 302, f"{url} answered {asked.status_code}"
    sign_in_page = browser.get(asked["Location"])
    assert sign_in_page.status_code == 200, f"{asked['Location']} is not a sign-in page"
    action, fields = sign_in_form(sign_in_page)
    assert fields.get("next") == url
    signed_in = browser.post(action, fields | {"username": username, "password": password})
    assert signed_in.status_code == 302 and signed_in["Location"] == url
    return browser


def test_a_participants_only_document_sends_visitors_to_sign_in_and_back(
    barnet_officer, brent_pilot
):
    url = participants_only_document(brent_pilot)
    browser = signed_in_and_returned(url, "officer-barnet")
    document = browser.get(url)
    assert document.status_code == 200
    assert b"".join(document.streaming_content) == PDF


@pytest.mark.parametrize("where", ["workshop page", "workshop document", "admin page"])
def test_every_sign_in_redirect_lands_on_the_same_working_page(barnet_officer, where):
    url = {
        "workshop page": lambda: workshop_page().url,
        "workshop document": workshop_document,
        "admin page": lambda: reverse("wagtailsnippets_pilots_pilot:list"),
    }[where]()
    first = Client().get(url)
    assert first["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    browser = signed_in_and_returned(url, "officer-barnet")
    assert browser.get(url).status_code == 200


def test_the_round_trip_passes_through_two_factor_outside_demo_mode(
    production, real_barnet_officer, brent_pilot
):
    """With two-factor sign-in, the code step keeps the way back too."""
    device = TOTPDevice.objects.create(user=real_barnet_officer, name="Phone", confirmed=True)
    url = participants_only_document(brent_pilot)
    browser = signed_in_and_returned(url, "officer-barnet")
    to_verify = browser.get(url)
    assert to_verify["Location"].startswith(reverse("cms_two_factor_verify"))
    form = BeautifulSoup(browser.get(to_verify["Location"]).content, "html.parser")
    fields = {i["name"]: i.get("value", "") for i in form.select("form input[name]")}
    response = browser.post(to_verify["Location"], fields | {"token": code(device)})
    assert response["Location"] == url
    assert browser.get(url).status_code == 200
