"""Issue 13, the admin side: each task done by someone who has never seen the app, in
Debian's headless Chromium, as an officer of Barnet and as the convenor, on a 1280 px
screen and a 390 px phone. The test reads what a person sees: labels, buttons, messages
on screen (not scrolled past), and no page wider than the screen.

Slow (a browser per session): marked `browser` so that CI runs them once."""

import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from tests.pilots.readings.review_helpers import reopened

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
OVERFLOW_PROBE = (Path(__file__).with_name("overflow_probe.js")).read_text()
WIDTHS = [1280, 390]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver"),
]


@pytest.fixture
def lab_world(live_server, tasks_in_process, settings, tmp_path):
    """The 2023 Lab and its accounts, a Barnet KPI with nothing due, a Brent resource for
    Barnet to reuse and a Barnet resource offered to the public, awaiting the GLA."""
    from django.contrib.auth import get_user_model

    from cms.site import home_page_ensure
    from pilots.models import KPI, Pilot, SharedResource
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    settings.MEDIA_ROOT = tmp_path
    home_page_ensure()
    load_asylum_welcome_2023()
    demo_accounts_ensure()
    barnet = Pilot.objects.get(borough__slug="barnet")
    kpi = KPI.objects.filter(pilot=barnet).first()
    reopened(kpi.readings.all())  # approved when seeded: reopened, to correct
    brent = Pilot.objects.get(borough__slug="brent")
    SharedResource.objects.create(
        lab=brent.lab, borough=brent.borough, title="Brent hotel outreach checklist",
        kind="training", url="https://brent.example/checklist",
    )  # fmt: skip
    SharedResource.objects.create(
        lab=barnet.lab, borough=barnet.borough, title="Barnet volunteer handbook",
        kind="training", url="https://barnet.example/handbook", visibility="public",
    )  # fmt: skip
    return {"url": live_server.url, "barnet": barnet, "kpi": kpi, "users": get_user_model()}


@pytest.fixture
def driver_for():
    drivers = []

    def start(width: int):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900",
                     "--disable-background-networking", "--disable-component-update"):  # fmt: skip
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(60)
        if width < 500:  # below headless Chromium's smallest window: a phone's screen
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True},
            )
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()


class Person:
    """Someone using the admin in a browser, checking what they see as they go."""

    def __init__(self, driver, base: str, width: int):
        self.driver, self.base, self.width = driver, base, width

    def sign_in(self, username: str) -> None:
        from selenium.webdriver.common.by import By

        self.open("/admin/login/")
        self.driver.find_element(By.NAME, "username").send_keys(username)
        self.driver.find_element(By.NAME, "password").send_keys("designlab-demo")
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait_for("#main")

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)
        self.check_page_fits()

    def check_page_fits(self) -> None:
        wide = self.driver.execute_script(OVERFLOW_PROBE)
        assert wide == [], f"{self.driver.current_url} is wider than {self.width} px: {wide}"

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def link(self, text: str):
        """A visible link of the page's content whose words (screen-reader text included)
        contain `text`."""
        return self._visible("main a", text)

    def button(self, text: str):
        return self._visible("main button, main a", text)

    def _visible(self, css: str, text: str):
        found = [
            element for element in self.driver.find_elements("css selector", css)
            if element.is_displayed()
            and text in " ".join(element.get_attribute("textContent").split())
        ]  # fmt: skip
        assert found, f"no visible “{text}” on {self.driver.current_url}"
        return found[0]

    def click(self, element) -> None:
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )
        element.click()
        self.check_page_fits()

    def wait_for(self, css: str):
        from selenium.webdriver.support import expected_conditions as shown
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, 30).until(
            shown.visibility_of_element_located(("css selector", css))
        )

    def until(self, condition) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, 10).until(condition)

    def message(self) -> str:
        """The confirmation or error at the top of the page, which must be on screen."""
        element = self.wait_for(".messages li")
        assert self.on_screen(element), "the message is scrolled out of sight"
        return " ".join(element.text.split())

    def on_screen(self, element) -> bool:
        return self.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.bottom > 0 && r.top < window.innerHeight;",
            element,
        )

    def text(self) -> str:
        return " ".join(self.find("main").text.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_each_task_done_unaided(lab_world, driver_for, width):
    """Barnet's officer works on the pilot and sends it to the GLA; the convenor approves
    it, and does the convenor's tasks."""
    officer_walk(Person(driver_for(width), lab_world["url"], width), lab_world)
    convenor_walk(Person(driver_for(width), lab_world["url"], width))


def officer_walk(person: Person, world: dict) -> None:
    kpi, barnet = world["kpi"], world["barnet"]
    person.sign_in("officer-barnet")

    # 4. Enter one reading, found from the home page with nothing overdue.
    person.click(person.link(f"Enter a reading for {kpi.name}"))
    assert person.driver.current_url.endswith(f"/admin/readings/{kpi.pk}/#reading-form")
    # 6. A wrong value: the summary at the top says what to do and leads to the field.
    person.find("#id_value").send_keys("about twelve")
    person.click(person.button("Submit for review"))
    summary = person.wait_for("[data-error-summary]")
    assert person.on_screen(summary)
    assert person.driver.switch_to.active_element == summary
    assert f"Enter {kpi.name} as a number, 0 or more" in summary.text
    person.click(summary.find_element("css selector", "a"))
    person.until(lambda d: d.switch_to.active_element.get_attribute("id") == "id_value")
    person.find("#id_value").clear()
    person.find("#id_value").send_keys("12")
    person.click(person.button("Submit for review"))
    assert "reading corrected" in person.message() or "reading saved" in person.message()

    # 4. From the pilots list too, and the list says where each pilot stands.
    person.open(reverse("wagtailsnippets_pilots_pilot:list"))
    assert "Approved by the GLA" in person.text()
    person.click(person.link("Enter a reading"))
    assert f"Enter a reading for {kpi.name}" in " ".join(
        a.get_attribute("textContent")
        for a in person.driver.find_elements("css selector", "main a")
    )

    # 5. Change the pilot: the main button sends it to the GLA, in those words.
    person.open(reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet.pk]))
    main = person.find("footer button[name=action-submit]")
    assert main.text == "Send to the GLA for approval" and main.is_displayed()
    person.find("#id_key_lesson").send_keys(" Recruit early.")
    person.click(person.find("footer .w-dropdown__toggle"))
    person.click(person.button("Save draft"))
    said = person.message()
    assert "saved. It is not yet sent to the GLA" in said and "moderation" not in said
    person.open("/admin/")
    assert "Draft saved, not yet sent to the GLA." in person.text()
    person.open(reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet.pk]))
    person.click(person.find("footer button[name=action-submit]"))
    said = person.message()
    assert "is sent to the GLA for approval" in said and "moderation" not in said
    person.open("/admin/")
    assert "Waiting for the GLA's approval." in person.text()

    # 7. KPI returns, one name; the template offers rows to fill in.
    person.click(person.link("KPI returns"))
    assert person.button("Download the KPI return template").is_displayed()

    # 7. "We reused this" shows once recorded, and has a way back.
    person.open(reverse("wagtailsnippets_pilots_sharedresource:list"))
    row = next(
        tr for tr in person.driver.find_elements("css selector", "tbody tr")
        if "Brent hotel outreach checklist" in tr.text
    )  # fmt: skip
    person.click(row.find_element("link text", "We reused this"))
    person.click(person.button("We reused this"))
    assert person.message().startswith("Recorded: Barnet reused")
    assert "Already recorded" in person.text()
    person.click(person.button("Withdraw our reuse record"))
    assert person.message().startswith("Withdrawn: Barnet's reuse")


def convenor_walk(person: Person) -> None:
    person.sign_in("convenor")

    # 1. Approve a resource for the public from the admin home: no "CSRF token missing".
    person.click(person.button("Approve for the public"))
    said = person.message()
    assert "“Barnet volunteer handbook” is approved" in said
    # The panel stays for the reading Barnet submitted, without the resource.
    panels = person.driver.find_elements("css selector", "#pilots-awaiting-review-section")
    assert all("Barnet volunteer handbook" not in panel.text for panel in panels)

    # 10. Approving the pilot Barnet sent confirms it.
    panel = person.find("#awaiting-review-section")
    person.click(panel.find_element("css selector", ".w-dropdown__toggle"))
    person.click(person.button("Approve"))
    assert "is approved and published" in person.message()

    # 7 and 1. The resource list says which are approved.
    person.open(reverse("wagtailsnippets_pilots_sharedresource:list"))
    assert "Approved for the public" in person.text()

    # 10. The dashboard: statements, table toggles that look like controls, tables that
    # scroll in their own box.
    person.open(reverse("lab_dashboard"))
    assert "Outcome 1" not in person.text()
    toggle = person.find("details.dl-table-toggle > summary")
    assert toggle.value_of_css_property("border-top-style") == "solid"
    assert toggle.text.startswith("Show ")
    person.click(toggle)
    assert toggle.find_element("xpath", "..").find_element("css selector", "table").is_displayed()
    # 8. Late and overdue milestones are told apart.
    assert "Of which overdue (still open)" in person.text()

    # 10. The Lab outcomes list: statements and current ratings.
    person.open(reverse("wagtailsnippets_designlab_outcome:list"))
    assert "Current rating" in person.text()

    # 10. Table 1's downloads are buttons on the page.
    person.open(reverse("lab_table_1"))
    assert person.button("Download Table 1 (.xlsx)").is_displayed()
    assert person.button("Download Table 1 (CSV)").is_displayed()
