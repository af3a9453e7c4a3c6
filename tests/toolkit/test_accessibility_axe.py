"""WCAG 2.2 AA: Debian's headless Chromium opens every public page type, served by a live
server, and axe-core finds no serious or critical violation. The pages also work without
JavaScript, and the skip link is the first thing keyboard focus reaches."""

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER and AXE.exists()),
        reason="needs Debian's chromium and chromium-driver and axe-core (make browser-test-deps)",
    ),
]

PUBLIC_PAGES = [
    "/", "/toolkit/", "/toolkit/access-to-services/", "/case-studies/", None,  # a case study
    "/resources/", "/resources/?kind=welcome_pack&q=pack", "/report/", "/open-data/",
    "/welcome-pack/", "/ar/", "/ar/welcome-pack/", "/search/?q=welcome", "/no-such-page/",
]  # fmt: skip


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,1024"]  # fmt: skip


def _browser(javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture
def site(live_server):
    """The seed content, loaded again: transactional tests start from migrated data only."""
    from django.core.cache import cache

    from cms.site import home_page_ensure
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023
    from toolkit.models import CaseStudyPage
    from toolkit.seed import toolkit_site_ensure

    home_page_ensure()
    load_asylum_welcome_2023()
    demo_accounts_ensure()
    toolkit_site_ensure()
    cache.clear()
    case_study = CaseStudyPage.objects.filter(pilot__live=True).first().url
    return live_server.url, [path or case_study for path in PUBLIC_PAGES]


def _serious_violations(driver) -> list[str]:
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify("
        "[{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in json.loads(result)
        if v["impact"] in ("serious", "critical")
    ]


def test_public_pages_have_no_serious_axe_violations(site):
    base, paths = site
    axe_source = AXE.read_text()
    driver = _browser()
    failures = {}
    try:
        for path in paths:
            driver.get(base + path)
            driver.execute_script(axe_source)
            violations = _serious_violations(driver)
            if violations:
                failures[path] = violations
    finally:
        driver.quit()
    assert failures == {}


def test_skip_link_is_the_first_focus_and_is_visible(site):
    from selenium.webdriver.common.keys import Keys

    base, _ = site
    driver = _browser()
    try:
        driver.get(base + "/toolkit/")
        driver.find_element("tag name", "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.text == "Skip to main content"
        assert focused.rect["x"] >= 0 and focused.is_displayed()
    finally:
        driver.quit()


def test_pages_work_without_javascript(site):
    base, paths = site
    driver = _browser(javascript=False)
    try:
        for path in paths:
            driver.get(base + path)
            assert driver.find_element("tag name", "h1").text.strip(), path
            assert driver.find_element("css selector", "main#main").text.strip(), path
    finally:
        driver.quit()


# Measures the focused element: indicator and text contrast, and whether it is in view.
FOCUS_PROBE = Path(__file__).with_name("focus_probe.js")


def test_keyboard_focus_is_visible_with_enough_contrast_everywhere(site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    base, paths = site
    case_study = paths[PUBLIC_PAGES.index(None)]
    focus_probe = FOCUS_PROBE.read_text()
    driver = _browser()
    failures, seen = [], 0
    try:
        for path in ["/", "/resources/", case_study, "/ar/welcome-pack/", "/no-such-page/"]:
            driver.get(base + path)
            first = None
            for _ in range(60):
                ActionChains(driver).send_keys(Keys.TAB).perform()
                probe = driver.execute_script(focus_probe)
                if probe is None or probe["name"] == first:
                    break
                first = first or probe["name"]
                seen += 1
                if probe["indicator"] < 3 or probe["text"] < 4.5 or not probe["inView"]:
                    failures.append((path, probe))
    finally:
        driver.quit()
    assert seen > 20  # the walk reached the header, the page and the footer
    assert failures == [], "\n".join(f"{path}: {probe}" for path, probe in failures)


def test_language_switcher_works_without_javascript(site):
    base, _ = site
    driver = _browser(javascript=False)
    try:
        driver.get(base + "/welcome-pack/")
        driver.find_element("css selector", '.language-switcher a[hreflang="ar"]').click()
        assert driver.current_url == base + "/ar/welcome-pack/"
        assert driver.find_element("tag name", "html").get_attribute("lang") == "ar"
        assert driver.find_element("tag name", "html").get_attribute("dir") == "rtl"
        driver.find_element("css selector", '.language-switcher a[hreflang="en-gb"]').click()
        assert driver.current_url == base + "/welcome-pack/"
    finally:
        driver.quit()


def test_print_stylesheet_keeps_the_content_and_drops_the_navigation(site):
    base, paths = site
    driver = _browser()
    try:
        driver.get(base + paths[PUBLIC_PAGES.index(None)])
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for selector in [".skip-link", ".site-nav", ".site-search", ".breadcrumb", ".footer-links"]:
            assert not driver.find_element("css selector", selector).is_displayed(), selector
        assert driver.find_element("css selector", "main table").is_displayed()
        header = driver.find_element("css selector", ".site-header")
        assert header.value_of_css_property("background-color") in (
            "rgba(0, 0, 0, 0)",
            "transparent",
        )
    finally:
        driver.quit()
