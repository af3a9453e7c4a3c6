"""Every public page type renders with the seed content a fresh `make run` creates."""

import re

import pytest

from cms.models import HomePage
from toolkit.models import (
    CaseStudyIndexPage,
    ContentPage,
    LabReportPage,
    OpenDataPage,
    ResourceLibraryPage,
    ThemePage,
    ToolkitIndexPage,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_home_page_links_every_section(client):
    response = client.get(HomePage.objects.get(locale__language_code="en-gb").url)
    assert response.status_code == 200
    text = _text(response)
    for title in ["Asylum Welcome Toolkit", "Pilot case studies", "Resource library",
                  "Lab report: outcomes", "Open data"]:  # fmt: skip
        assert title in text


def test_toolkit_index_lists_the_report_themes(client):
    text = _text(client.get(ToolkitIndexPage.objects.get().url))
    for theme in ["Accommodation and safeguarding", "Agency: lives on hold", "Access to services",
                  "Move-on and streamlined questionnaires", "Learning English (ESOL)",
                  "Social connection", "Governance models", "Co-production"]:  # fmt: skip
        assert theme in text


def test_theme_page_quotes_the_report_and_lists_its_pilots_and_resources(client):
    theme = ThemePage.objects.get(slug="access-to-services")
    text = _text(client.get(theme.url))
    assert "developing welcome packs and orientation" in text
    assert "Welcome Pack for asylum-seeking residents" in text  # Brent's pilot on this challenge
    assert "Induction ‘helping pack’" in text  # a public resource filed under the theme


def test_case_study_shows_stage_key_lesson_kpis_and_evaluation(client, case_study, barnet_pilot):
    text = _text(client.get(case_study.url))
    assert barnet_pilot.get_stage_display() in text
    assert barnet_pilot.key_lesson[:60] in text
    assert "Volunteering placements started" in text
    assert "Target" in text and "Progress" in text
    assert "Evaluation" in text


def test_case_study_index_lists_a_case_study_per_published_pilot(client, lab):
    text = _text(client.get(CaseStudyIndexPage.objects.get().url))
    for pilot in lab.pilots.filter(live=True):
        assert pilot.title in text


def test_resource_library_lists_public_resources_only(client):
    text = _text(client.get(ResourceLibraryPage.objects.get().url))
    assert "Welcome Pack" in text
    assert "Safeguarding Assurance Tool" not in text  # shared with participants only


def test_resource_library_filters_by_theme_kind_and_borough(client):
    url = ResourceLibraryPage.objects.get().url
    assert "Induction" not in _text(client.get(url, {"borough": "brent"}))
    assert "Welcome Pack" in _text(client.get(url, {"borough": "brent", "kind": "welcome_pack"}))
    co_production = _text(client.get(url, {"theme": "co-production"}))
    assert "Induction ‘helping pack’" in co_production
    assert "Welcome Pack " not in co_production.replace("Welcome Pack for", "")
    assert "1 resource" in _text(client.get(url, {"q": "induction"}))


def test_resource_library_rejects_an_unknown_filter_with_a_clear_error(client):
    response = client.get(ResourceLibraryPage.objects.get().url, {"kind": "nonsense"})
    assert response.status_code == 200
    assert "There is a problem with the filters" in _text(response)


def test_lab_report_renders_table_1_and_table_2_from_the_records(client, lab):
    text = _text(client.get(LabReportPage.objects.get().url))
    assert "Table 1" in text and "Table 2" in text
    assert "Barking and Dagenham" in text and "eight focus groups" in text
    ratings = re.findall(r"\b([123])\. .*?(Partial success|Success|Not met)", text)
    assert [(n, r) for n, r in ratings][:3] == [
        ("1", "Success"), ("2", "Partial success"), ("3", "Success")
    ]  # fmt: skip


def test_open_data_page_previews_each_dataset_with_download_links(client):
    response = client.get(OpenDataPage.objects.get().url)
    html = response.content.decode()
    assert "/open-data/pilots-by-stage.csv" in html
    assert "/open-data/evaluations-by-status.json" in html
    assert "Open Government Licence v3.0" in html
    assert "[c]" in html


def test_welcome_pack_content_page_renders(client):
    page = ContentPage.objects.get(slug="welcome-pack", locale__language_code="en-gb")
    assert "Registering with a doctor (GP)" in _text(client.get(page.url))


def test_workshop_materials_render_for_a_lab_participant(client, barnet_officer, workshop_page):
    client.force_login(barnet_officer)
    response = client.get(workshop_page.url)
    assert response.status_code == 200
    text = _text(response)
    assert "Workshop 1: Overview and Assessment" in text
    assert "Webinar 5: Community Relations" in text
    assert text.count("session outline") == 10
