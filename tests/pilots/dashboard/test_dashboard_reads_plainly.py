"""The dashboard and the convenors' lists read plainly: outcomes by their statements, "show
as a table" toggles that look like controls, wide tables scrolling in their own box, a
completeness caption that matches its columns; the Lab outcomes list shows each outcome's
statement and current rating; Table 1's downloads are buttons on the page."""

from bs4 import BeautifulSoup
from django.urls import reverse

from designlab.models import Outcome
from pilots.outcomes.ratings import lab_outcomes


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_dashboard(client, convenor, lab):
    client.force_login(convenor)
    soup = soup_of(client, reverse("lab_dashboard"))
    outcomes = soup.find("div", attrs={"aria-label": "Outcomes"})
    shown = [" ".join(th.get_text().split()) for th in outcomes.select("tbody th")]
    assert shown == [f"{o.number}. {o.statement}" for o in lab_outcomes(lab)]
    assert "Outcome 1" not in soup.get_text()

    toggles = soup.select("details")
    assert toggles and all("dl-table-toggle" in d["class"] for d in toggles)
    assert all(d.summary.get_text().startswith("Show ") for d in toggles)

    for table in soup.select("main table"):
        box = table.find_parent("div", class_="dl-scroll")
        assert box is not None and box["tabindex"] == "0" and box["role"] == "region"

    completeness = soup.find("div", attrs={"aria-label": "Data completeness"}).table
    caption = completeness.caption.get_text()
    kinds = ["a KPI", "a KPI reading", "a milestone", "a key lesson", "a partner"]
    assert all(kind in caption for kind in kinds)
    headers = [th.get_text() for th in completeness.select("thead th")]
    assert headers == ["Borough", "Pilots", "With a KPI", "With a KPI reading",
                       "With a milestone", "With a key lesson", "With a partner",
                       "Completeness (of the five)"]  # fmt: skip


def test_lab_outcomes_list_shows_statements_and_current_ratings(client, convenor, lab):
    client.force_login(convenor)
    soup = soup_of(client, reverse("wagtailsnippets_designlab_outcome:list"))
    rows = [" ".join(tr.get_text().split()) for tr in soup.select("tbody tr")]
    for result in lab_outcomes(lab):
        row = next(r for r in rows if result.statement in r)
        assert result.rating_label in row
    assert len(rows) == Outcome.objects.count()
    assert "Current rating" in soup.select_one("thead").get_text()


def test_table_1_downloads_are_buttons_on_the_page(client, convenor):
    client.force_login(convenor)
    url = reverse("lab_table_1")
    soup = soup_of(client, url)
    buttons = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".dl-downloads a")}
    assert buttons == {
        "Download Table 1 (.xlsx)": f"{url}?export=xlsx",
        "Download Table 1 (CSV)": f"{url}?export=csv",
    }
    assert not soup.select(".w-dropdown a[href*='export=']")  # not hidden under a menu
    xlsx = client.get(f"{url}?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxml")
