"""Errors in the GOV.UK style on every form: a summary at the top of the page ("There is a
problem") linking to each field, messages that say what to do, never Django's defaults."""

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pilots.models import ResourceReuse, SharedResource
from tests.pilots.access.access_matrix_world import form_data

DJANGO_DEFAULTS = (
    "This field is required",
    "Enter a number.",
    "Ensure this value",
    "Select a valid choice",
    "Enter a valid URL",
    "No file was submitted",
)


def summary(response) -> list[tuple[str, str]]:
    """The error summary's links, (target, message), and the page's own checks: the summary
    comes before the page's other content and each link's target exists."""
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one("[data-error-summary]")
    assert box is not None, "no error summary"
    assert box.select_one("h2").get_text() == "There is a problem"
    errors = [(a["href"], a.get_text()) for a in box.select("a")]
    for href, _ in errors:
        assert soup.select_one(href) is not None, f"{href} is not on the page"
    for hidden in soup.select("script, template"):
        hidden.decompose()
    text = soup.get_text()
    assert not any(default in text for default in DJANGO_DEFAULTS), text
    return errors


def test_reading_form(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    url = reverse("pilots_readings", args=[barnet_monthly_kpi.pk])
    name = barnet_monthly_kpi.name
    for value in ("", "twelve", "-1", "101"):
        response = client.post(url, {"period_start": "2023-07-01", "value": value})
        assert summary(response) == [
            ("#id_value", f"Enter {name} as a percentage: a number from 0 to 100")
        ]
    response = client.post(url, {"period_start": "2022-01-01", "value": "5"})
    assert summary(response) == [("#id_period_start", "Choose period from the list")]
    # The summary is the first thing in the page's content, above the form.
    soup = BeautifulSoup(response.content, "html.parser")
    first = soup.select_one(".nice-padding").find(True)
    assert first.has_attr("data-error-summary")


def test_return_upload_without_a_file(client, barnet_officer):
    client.force_login(barnet_officer)
    response = client.post(reverse("pilots_returns_borough", args=["barnet"]), {})
    assert summary(response) == [("#id_file", "Choose the filled-in KPI return to upload")]


def test_return_upload_of_an_empty_file(client, barnet_officer):
    client.force_login(barnet_officer)
    empty = SimpleUploadedFile("return.xlsx", b"")
    response = client.post(reverse("pilots_returns_borough", args=["barnet"]), {"file": empty})
    [(href, message)] = summary(response)
    assert href == "#id_file" and message.startswith("The file you chose is empty")


def test_reuse_note_too_long(client, brent_officer, barnet_pilot):
    resource = SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Pack", kind="training",
        url="https://barnet.example/",
    )  # fmt: skip
    client.force_login(brent_officer)
    url = reverse("pilots_resource_reuse", args=[resource.pk])
    response = client.post(url, {"note": "x" * 301})
    assert summary(response) == [("#id_note", "Keep how you used it to 300 characters or fewer")]
    assert not ResourceReuse.objects.filter(resource=resource).exists()


def test_pilot_editor_lists_errors_on_every_tab(client, barnet_officer, barnet_pilot):
    """The pilot editor: a missing title (first tab) and a KPI without a name (KPIs tab),
    when sending it to the GLA (a draft may be saved unfinished)."""
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    data = form_data(client.get(url)) | {"title": "", "kpis-0-name": "", "action-submit": "Send"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert summary(response) == [
        ("#id_title", "Enter title"),
        ("#id_kpis-0-name", "KPI 1: Enter name"),
    ]
    assert "could not be saved due to errors" not in response.content.decode()


def test_resource_form_in_plain_words(client, barnet_officer):
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_sharedresource:add")
    page = BeautifulSoup(client.get(url).content, "html.parser")
    labels = [" ".join(label.get_text().split()) for label in page.select("label")]
    assert any(label.startswith("Web address") for label in labels)
    assert any(label.startswith("Where this came from") for label in labels)
    assert not any(label.startswith(("Url", "Provenance")) for label in labels)

    data = form_data(client.get(url)) | {"title": "", "kind": "", "url": "not a web address"}
    errors = summary(client.post(url, data))
    assert ("#id_title", "Enter a title, the name people will look for") in errors
    assert ("#id_kind", "Choose what kind of resource it is") in errors
    assert (
        "#id_url",
        "Enter a web address starting with https://, like https://example.org",
    ) in errors
