"""WCAG 2.2 AA: Debian's headless Chromium opens every public page type, in English and in
Arabic, as a phone (390 px) and a desktop (1280 px) lays it out, served by a live server.
axe-core finds no serious or critical violation, and no page is wider than its screen. The
pages also work without JavaScript, and the skip link is the first thing keyboard focus
reaches."""

from pathlib import Path

import pytest

from tests.toolkit.browser import (
    MARKS,
    WIDTHS,
    browser_start,
    overflow,
    serious_violations,
    site_seed,
    viewport_set,
)

pytestmark = MARKS

# Every public page type; {case_study} and {resource} are filled in from the seed.
ENGLISH_PAGES = [
    "/", "/toolkit/", "/toolkit/access-to-services/", "/case-studies/", "{case_study}",
    "/resources/", "/resources/?kind=welcome_pack&q=pack", "/resources/?theme=co-production",
    "/resources/?q=zeppelin", "/resources/?kind=nonsense", "{resource}", "/report/",
    "/open-data/", "/welcome-pack/", "/accessibility-statement/", "/privacy-notice/",
    "/search/", "/search/?q=welcome", "/search/?q=zeppelin", "/no-such-page/",
]  # fmt: skip
# The Arabic tree has what is translated, its search and its 404.
ARABIC_PAGES = [
    "/ar/", "/ar/welcome-pack/", "/ar/accessibility-statement/", "/ar/privacy-notice/",
    "/ar/search/?q=ترحيب", "/ar/search/?q=zeppelin", "/ar/no-such-page/",
]  # fmt: skip


@pytest.fixture
def site(live_server):
    from pilots.models import Pilot, SharedResource
    from toolkit.models import CaseStudyPage

    site_seed()
    case_study = CaseStudyPage.objects.filter(pilot__in=Pilot.objects.published()).first().url
    resource = f"/resources/{SharedResource.objects.get(title='Welcome Pack').pk}/"
    paths = [p.format(case_study=case_study, resource=resource) for p in ENGLISH_PAGES]
    return live_server.url, paths + ARABIC_PAGES


def test_public_pages_have_no_serious_axe_violations_in_either_language_or_width(site):
    base, paths = site
    driver = browser_start()
    failures = {}
    try:
        for width in WIDTHS:
            viewport_set(driver, width)
            for path in paths:
                driver.get(base + path)
                violations = serious_violations(driver)
                if violations:
                    failures[f"{path} at {width}px"] = violations
    finally:
        driver.quit()
    assert failures == {}


def test_no_public_page_is_wider_than_its_screen(site):
    # Wide tables scroll inside their own box; the page itself never scrolls sideways. On the
    # desktop, the boxes themselves fit their tables (the open data's Total column shows).
    base, paths = site
    driver = browser_start()
    failures = {}
    try:
        for width in WIDTHS:
            viewport_set(driver, width)
            for path in paths:
                driver.get(base + path)
                found = overflow(driver)
                if found:
                    failures[f"{path} at {width}px"] = found
                if width == 1280 and path == "/open-data/":
                    boxes = driver.execute_script(
                        "return [...document.querySelectorAll('.table-scroll')]"
                        ".map(b => b.scrollWidth - b.clientWidth)"
                    )
                    assert boxes and max(boxes) == 0, boxes
    finally:
        driver.quit()
    assert failures == {}


def test_skip_link_is_the_first_focus_and_is_visible_in_both_directions(site):
    from selenium.webdriver.common.keys import Keys

    base, _ = site
    driver = browser_start()
    try:
        for width in WIDTHS:
            viewport_set(driver, width)
            for path, text in [("/toolkit/", "Skip to main content"),
                               ("/ar/welcome-pack/", "تخطَّ إلى المحتوى الرئيسي")]:  # fmt: skip
                driver.get(base + path)
                driver.find_element("tag name", "body").send_keys(Keys.TAB)
                focused = driver.switch_to.active_element
                assert focused.text == text, path
                box = focused.rect
                assert focused.is_displayed() and box["x"] >= 0, (path, width)
                assert box["x"] + box["width"] <= width + 1, (path, width)  # subpixels
    finally:
        driver.quit()


def test_pages_work_without_javascript(site):
    base, paths = site
    driver = browser_start(javascript=False)
    try:
        for path in paths:
            driver.get(base + path)
            assert driver.find_element("tag name", "h1").text.strip(), path
            assert driver.find_element("css selector", "main#main").text.strip(), path
        # The language switcher is a plain link.
        driver.get(base + "/welcome-pack/")
        driver.find_element("css selector", '.language-switcher a[hreflang="ar"]').click()
        assert driver.current_url == base + "/ar/welcome-pack/"
        assert driver.find_element("tag name", "html").get_attribute("lang") == "ar"
        assert driver.find_element("tag name", "html").get_attribute("dir") == "rtl"
        driver.find_element("css selector", '.language-switcher a[hreflang="en-gb"]').click()
        assert driver.current_url == base + "/welcome-pack/"
    finally:
        driver.quit()


# Measures the focused element: indicator and text contrast, and whether it is in view.
FOCUS_PROBE = Path(__file__).with_name("focus_probe.js")


def test_keyboard_focus_is_visible_with_enough_contrast_everywhere(site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    base, paths = site
    case_study = paths[ENGLISH_PAGES.index("{case_study}")]
    focus_probe = FOCUS_PROBE.read_text()
    driver = browser_start()
    failures, seen = [], 0
    try:
        for path in ["/", "/resources/", case_study, "/open-data/", "/ar/welcome-pack/",
                     "/no-such-page/"]:  # fmt: skip
            driver.get(base + path)
            first = None
            for _ in range(80):
                ActionChains(driver).send_keys(Keys.TAB).perform()
                probe = driver.execute_script(focus_probe)
                if probe is None or probe["name"] == first:
                    break
                first = first or probe["name"]
                seen += 1
                if probe["indicator"] < 3 or probe["text"] < 4.5 or not probe["inView"]:
                    failures.append((path, probe))
        # The print stylesheet keeps the content and drops the navigation.
        driver.get(base + case_study)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for selector in [".skip-link", ".site-nav", ".site-search", ".breadcrumb", ".footer-links"]:
            assert not driver.find_element("css selector", selector).is_displayed(), selector
        assert driver.find_element("css selector", "main table").is_displayed()
        header = driver.find_element("css selector", ".site-header")
        assert header.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)",
                                                                     "transparent")  # fmt: skip
    finally:
        driver.quit()
    assert seen > 20  # the walk reached the header, the page and the footer
    assert failures == [], "\n".join(f"{path}: {probe}" for path, probe in failures)
