"""Driving Debian's headless Chromium (never a downloaded browser) over the live server, for
the browser tests of the public site. They are marked `browser`: slow, so CI runs them on
one database only."""

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER and AXE.exists()),
        reason="needs Debian's chromium and chromium-driver and axe-core (make browser-test-deps)",
    ),
]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,1024"]  # fmt: skip

# A phone (iPhone 12 to 15: 390 CSS pixels wide, three device pixels to one) and a desktop.
WIDTHS = {390: {"height": 844, "deviceScaleFactor": 3, "mobile": True},
          1280: {"height": 1024, "deviceScaleFactor": 1, "mobile": False}}  # fmt: skip


def browser_start(javascript: bool = True):
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


def viewport_set(driver, width: int) -> None:
    """Lay pages out `width` CSS pixels wide; at 390 as a phone does (meta viewport, touch)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, **WIDTHS[width]})


def serious_violations(driver) -> list[str]:
    """axe-core's serious and critical WCAG 2.2 AA (and best-practice) violations on the page."""
    driver.execute_script(AXE.read_text())
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


# How wide the page is against its viewport, and what sticks out: elements reaching past
# either edge, except inside a table's own scrolling box (which must itself fit).
OVERFLOW_PROBE = """
const viewport = document.documentElement.clientWidth;
const out = [];
for (const el of document.querySelectorAll('body *')) {
  const box = el.closest('.table-scroll');
  if (box && box !== el) continue;
  const r = el.getBoundingClientRect();
  if (r.width && (r.right > viewport + 1 || r.left < -1)) {
    const name = `${el.tagName.toLowerCase()}.${el.className}`;
    out.push(`${name} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
}
return {page: document.documentElement.scrollWidth, viewport: viewport, out: out.slice(0, 5)};
"""


def overflow(driver) -> dict | None:
    """None if the page fits its viewport; else its width and what sticks out."""
    probe = driver.execute_script(OVERFLOW_PROBE)
    return probe if probe["page"] > probe["viewport"] or probe["out"] else None


def site_seed() -> None:
    """The seed content, loaded again: transactional tests start from migrated data only."""
    from django.core.cache import cache

    from cms.site import home_page_ensure
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023
    from toolkit.seed import toolkit_site_ensure

    home_page_ensure()
    load_asylum_welcome_2023()
    demo_accounts_ensure()
    toolkit_site_ensure()
    cache.clear()
