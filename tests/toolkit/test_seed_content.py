"""`make run` seeds the public site: the page tree, a theme page per report theme, a case
study per published pilot, an Arabic welcome pack; running it again changes nothing."""

import pytest
from wagtail.models import Page

from pilots.models import Pilot
from toolkit.models import CaseStudyPage, ThemePage
from toolkit.seed import toolkit_site_ensure

pytestmark = pytest.mark.django_db


def test_every_published_pilot_has_a_live_case_study(lab):
    covered = set(CaseStudyPage.objects.live().values_list("pilot_id", flat=True))
    assert covered == set(lab.pilots.filter(live=True).values_list("pk", flat=True))
    assert len(covered) == 14


def test_running_the_seed_again_changes_nothing():
    theme = ThemePage.objects.get(slug="esol")
    theme.summary = "An editor's summary"
    theme.save_revision().publish()
    before = sorted(Page.objects.values_list("url_path", "title", "live", "alias_of_id"))

    toolkit_site_ensure()

    assert sorted(Page.objects.values_list("url_path", "title", "live", "alias_of_id")) == before
    assert ThemePage.objects.get(slug="esol").summary == "An editor's summary"


def test_a_newly_published_pilot_gets_a_case_study_on_the_next_run(lab, barnet_pilot):
    pilot = Pilot.objects.create(lab=lab, borough=barnet_pilot.borough, title="Later pilot",
                                 activity="Begun after the report.", live=True)  # fmt: skip
    toolkit_site_ensure()
    page = CaseStudyPage.objects.get(pilot=pilot)
    assert page.live and page.title == "Barnet: Later pilot"


def test_the_arabic_home_page_is_its_own_page_not_an_alias_of_the_english_one():
    from cms.models import HomePage

    arabic = HomePage.objects.get(locale__language_code="ar")
    assert arabic.alias_of_id is None and arabic.live
    assert arabic.title != HomePage.objects.get(locale__language_code="en-gb").title
