"""In a real browser (Debian's headless Chromium), the Wagtail admin's busiest pages and the
public home page load under our Content Security Policy without a single violation."""

import shutil

import pytest
from django.test import Client
from wagtail.models import Page

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver"),
]


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1024"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_admin_and_public_pages_run_under_the_policy(live_server, browser, django_user_model):
    from cms.site import home_page_ensure
    from pilots.models import Pilot
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    home = home_page_ensure()
    load_asylum_welcome_2023()
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("csp-admin"))
    browser.get(f"{live_server.url}/health/")
    browser.add_cookie({"name": "sessionid", "value": client.cookies["sessionid"].value})

    pilot = Pilot.objects.filter(live=True).first()
    pages = [
        "/",
        "/admin/",
        f"/admin/pages/{home.pk}/edit/",  # date-time widgets write inline scripts
        f"/admin/snippets/pilots/pilot/edit/{pilot.pk}/",  # InlinePanels write inline scripts
        "/admin/documents/multiple/add/",
        f"/admin/pages/{Page.get_first_root_node().pk}/",
    ]
    violations = {}
    for path in pages:
        browser.get(live_server.url + path)
        assert "Sign in" not in browser.title, path
        logged = [entry["message"] for entry in browser.get_log("browser")]
        refused = [m for m in logged if "Content Security Policy" in m or "Refused to" in m]
        if refused:
            violations[path] = refused
    assert violations == {}
