"""The public tasks of issue 13, done the way a person who has never seen the site does them:
in Debian's headless Chromium, from the home page, by the words on the screen, on a phone
(390 px) unless said otherwise. Each step asserts what that person would see. One browser
and one seeded site for the whole walk: a browser test's set-up is its slowest part."""

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.toolkit.browser import MARKS, browser_start, overflow, site_seed, viewport_set

pytestmark = MARKS


@pytest.fixture
def browser(live_server):
    """A phone's browser on the seeded site, with one more public resource to search for."""
    from django.core.cache import cache
    from django.utils import timezone

    from designlab.models import Borough, Lab
    from pilots.models import SharedResource

    site_seed()
    SharedResource.objects.create(
        lab=Lab.objects.get(), borough=Borough.objects.get(slug="barnet"), kind="training",
        title="Volunteer role descriptions", visibility="public", approved_at=timezone.now(),
        description="Role descriptions for residents who volunteer with local groups.",
    )  # fmt: skip
    cache.clear()
    driver = browser_start()
    viewport_set(driver, 390)
    driver.base = live_server.url
    yield driver
    driver.quit()


def _link(driver, text: str):
    return driver.find_element(By.LINK_TEXT, text)


def _go(driver, element, submit: bool = False) -> None:
    """Follow a link or send a form, as a person does, and wait until the next page has loaded.
    The old page is marked, not held: asked about an element of a page it is leaving, Chromium
    may answer "does not belong to the document" rather than "stale", and a new page found
    before it has loaded can be swapped under the test."""
    driver.execute_script("window.leaving = true")
    if submit:
        element.submit()
    else:
        element.click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.leaving && document.readyState === 'complete'")
    )


def _visible_inside(driver, element) -> bool:
    box = element.rect
    width = driver.execute_script("return document.documentElement.clientWidth")
    return element.is_displayed() and box["x"] >= 0 and box["x"] + box["width"] <= width + 1


def task_2_read_the_welcome_pack_in_arabic_on_a_phone(browser) -> None:
    browser.get(browser.base + "/")
    _go(browser, _link(browser, "Welcome to the borough: a welcome pack template"))
    _go(browser, browser.find_element(By.CSS_SELECTOR, '.language-switcher a[hreflang="ar"]'))
    # Or from the Arabic home page, as someone who reads Arabic would start.
    _go(browser, browser.find_element(By.CSS_SELECTOR, '.language-switcher a[hreflang="en-gb"]'))
    _go(browser, _link(browser, "Borough Design Lab"))
    _go(browser, browser.find_element(By.CSS_SELECTOR, '.language-switcher a[hreflang="ar"]'))
    _go(browser, _link(browser, "مرحبًا بكم في المنطقة: نموذج حزمة ترحيب"))

    assert browser.current_url == browser.base + "/ar/welcome-pack/"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert heading.text == "مرحبًا بكم في المنطقة: نموذج حزمة ترحيب"
    assert _visible_inside(browser, heading)  # not blank, not off to one side
    assert overflow(browser) is None
    # The site around it speaks Arabic too, and starts from the right.
    name = browser.find_element(By.CSS_SELECTOR, ".site-name")
    assert name.text == "مختبر تصميم الأحياء"
    assert name.rect["x"] > 100 and abs(name.rect["x"] + name.rect["width"] - (390 - 16)) <= 1
    assert browser.find_element(By.CSS_SELECTOR, ".site-search button").text == "بحث"
    assert "رخصة الحكومة المفتوحة" in browser.find_element(By.TAG_NAME, "footer").text
    # And so does what the Arabic search finds.
    box = browser.find_element(By.ID, "site-search-q")
    box.send_keys("ترحيب")
    _go(browser, box, submit=True)
    assert browser.find_element(By.TAG_NAME, "h1").text == "بحث"
    assert _link(browser, "مرحبًا بكم في المنطقة: نموذج حزمة ترحيب").is_displayed()


def task_3_find_and_open_resources(browser) -> None:
    browser.get(browser.base + "/")
    _go(browser, _link(browser, "Resource library"))
    items = browser.find_elements(By.CSS_SELECTOR, ".resources > li")
    assert len(items) == 3
    for item in items:  # every resource listed is a link
        assert item.find_element(By.TAG_NAME, "a").get_attribute("href")

    _go(browser, _link(browser, "Welcome Pack"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welcome Pack"
    assert "compiling useful information" in browser.find_element(By.TAG_NAME, "main").text
    _go(browser, browser.find_element(By.LINK_TEXT, "Back to all resources"))

    # The kind filter offers only kinds that have resources.
    kinds = [o.text for o in browser.find_elements(By.CSS_SELECTOR, "#id_kind option")]
    assert kinds == ["Any", "Welcome or induction pack", "Training material"]

    # Searching finds a word in another form.
    browser.find_element(By.ID, "id_q").send_keys("volunteering")
    _go(browser, browser.find_element(By.XPATH, "//button[text()='Show resources']"))
    assert browser.find_element(By.CSS_SELECTOR, "main h2").text == (
        "1 resource matching “volunteering”"
    )
    assert _link(browser, "Volunteer role descriptions").is_displayed()

    # Nothing found: the page says so and offers a way on.
    search = browser.find_element(By.ID, "id_q")
    search.clear()
    search.send_keys("zeppelin")
    _go(browser, browser.find_element(By.XPATH, "//button[text()='Show resources']"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "No public resources match these filters." in main
    _go(browser, _link(browser, "clear the filters and see every resource"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".resources > li")) == 3


def task_12_every_page_fits_a_phone_and_explains_itself(browser) -> None:
    browser.get(browser.base + "/")
    cards = browser.find_elements(By.CSS_SELECTOR, ".card")
    assert len(cards) == 6
    for card in cards:  # each card says what is behind it
        assert card.find_element(By.TAG_NAME, "p").text
    icon = browser.find_element(By.CSS_SELECTOR, 'link[rel="icon"]').get_attribute("href")
    assert (
        browser.execute_async_script("fetch(arguments[0]).then(r => arguments[1](r.status))", icon)
        == 200
    )

    for section in ["Asylum Welcome Toolkit", "Pilot case studies", "Resource library",
                    "Lab report: outcomes", "Open data"]:  # fmt: skip
        browser.get(browser.base + "/")
        _go(browser, _link(browser, section))
        assert overflow(browser) is None, section
        for select in browser.find_elements(By.TAG_NAME, "select"):
            assert _visible_inside(browser, select), section

    browser.get(browser.base + "/case-studies/")
    _go(browser, browser.find_element(By.CSS_SELECTOR, ".card a"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "(illustrative)" in main
    assert "“Illustrative” means the Lab’s report does not say this" in main


def task_13_open_data_states_the_suppression_rule_and_shows_totals(browser) -> None:
    viewport_set(browser, 1280)
    browser.get(browser.base + "/")
    _go(browser, _link(browser, "Open data"))
    tables = browser.find_elements(By.CSS_SELECTOR, "main table")
    rule = browser.find_element(By.CSS_SELECTOR, ".suppression-rule")
    assert len(tables) == 3
    assert rule.text.startswith("Counts of pilots, evaluations and readings are exact")
    assert rule.location["y"] < tables[0].location["y"]  # above the tables
    for table in tables:
        total = table.find_element(By.XPATH, ".//th[text()='Total']")
        box = table.find_element(By.XPATH, "./..")
        assert total.rect["x"] + total.rect["width"] <= box.rect["x"] + box.rect["width"] + 1


def task_14_the_statutory_pages_are_in_every_footer(browser) -> None:
    for start, statement, notice in [
        ("/", "Accessibility statement", "Privacy notice"),
        ("/ar/", "بيان إمكانية الوصول", "إشعار الخصوصية"),
    ]:
        browser.get(browser.base + start)
        footer = browser.find_element(By.CSS_SELECTOR, "footer")
        _go(browser, footer.find_element(By.LINK_TEXT, statement))
        assert browser.find_element(By.TAG_NAME, "h1").text == statement
        assert overflow(browser) is None
        footer = browser.find_element(By.CSS_SELECTOR, "footer")
        _go(browser, footer.find_element(By.LINK_TEXT, notice))
        assert browser.find_element(By.TAG_NAME, "h1").text == notice
    browser.get(browser.base + "/accessibility-statement/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Enforcement procedure" in main and "Reporting accessibility problems" in main


def task_15_the_sign_in_page_carries_the_design_labs_name(browser) -> None:
    browser.get(browser.base + "/admin/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to the Borough Design Lab"
    assert browser.title == "Sign in - Borough Design Lab"
    assert "Wagtail" not in browser.find_element(By.TAG_NAME, "main").text


def test_a_newcomer_does_each_public_task(browser):
    task_2_read_the_welcome_pack_in_arabic_on_a_phone(browser)
    task_3_find_and_open_resources(browser)
    task_12_every_page_fits_a_phone_and_explains_itself(browser)
    task_13_open_data_states_the_suppression_rule_and_shows_totals(browser)
    viewport_set(browser, 390)
    task_14_the_statutory_pages_are_in_every_footer(browser)
    task_15_the_sign_in_page_carries_the_design_labs_name(browser)
