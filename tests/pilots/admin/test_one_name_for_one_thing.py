"""One name for one thing and plain labels: "KPI returns" wherever returns are offered,
"Where this came from" rather than "Provenance", "Web address" rather than "Url", on forms,
inspect pages and exports."""

import csv

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.exports.csv_lines import table_csv_lines
from pilots.exports.tables import TABLES
from pilots.models import SharedResource


def words(client, url) -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    for hidden in soup.select("script, template"):
        hidden.decompose()
    return " ".join(soup.get_text().split())


def test_kpi_returns_is_the_one_name(client, barnet_officer):
    client.force_login(barnet_officer)
    home = words(client, reverse("wagtailadmin_home"))
    assert "KPI returns (many readings at once, in a spreadsheet)" in home
    assert "Spreadsheet returns" not in home
    page = words(client, reverse("pilots_returns_borough", args=["barnet"]))
    assert "Download the KPI return template (.xlsx)" in page
    assert "Upload the KPI return" in page and "Recent KPI returns" in page


def test_plain_labels_on_the_pilot_editor(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    soup = BeautifulSoup(
        client.get(reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])).content,
        "html.parser",
    )
    labels = {" ".join(label.get_text().split()).rstrip(" *") for label in soup.select("label")}
    assert "Where this came from" in labels and "Source details" in labels
    assert "Provenance" not in labels and "Source note" not in labels


def test_plain_labels_on_the_resource_page(client, barnet_officer, barnet_pilot):
    resource = SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Pack", kind="training",
        url="https://barnet.example/pack",
    )  # fmt: skip
    client.force_login(barnet_officer)
    page = words(
        client, reverse("wagtailsnippets_pilots_sharedresource:inspect", args=[resource.pk])
    )
    assert "Web address https://barnet.example/pack" in page
    assert "Where this came from" in page and "Public toolkit" in page
    assert "Provenance" not in page and "Url" not in page


def test_exports_say_where_each_row_came_from(lab):
    for table in TABLES:
        header = next(csv.reader(table_csv_lines(lab, table, borough=None)))
        assert "Provenance" not in header, table
    header = next(csv.reader(table_csv_lines(lab, "pilots", borough=None)))
    assert "Where this came from" in header
