"""Above the open-data tables, one sentence states the rule: counts of pilots, evaluations
and readings are exact; counts of people are hidden below the threshold the site is
configured with, and so is any total that includes one. (A table that counts people also
has the key above it: test_open_data_suppression.py.)"""

import re

import pytest

from toolkit.opendata import DATASETS

pytestmark = pytest.mark.django_db


def _rule(html: str) -> str:
    return re.search(r'<p class="suppression-rule">(.*?)</p>', html, re.S)[1]


def test_the_rule_is_stated_once_above_the_tables(client):
    html = client.get("/open-data/").content.decode()
    rule = _rule(html)
    assert rule.startswith("Counts of pilots, evaluations and readings are exact")
    assert "Counts of people, such as a KPI measured as a count, are hidden from 1 to 9" in rule
    assert "any total that includes a hidden count" in rule
    assert html.index("suppression-rule") < html.index("<table")


def test_the_rule_follows_the_threshold_setting(client, settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 5
    assert "are hidden from 1 to 4 " in _rule(client.get("/open-data/").content.decode())


def test_tables_of_records_hide_nothing_and_carry_no_key(client):
    html = client.get("/open-data/").content.decode()
    assert not any(dataset.counts_people for dataset in DATASETS.values())
    assert 'class="suppression-key"' not in html
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == len(DATASETS) and not any("[c]" in table for table in tables)


def test_every_table_has_a_total_column(client):
    html = client.get("/open-data/").content.decode()
    assert html.count('<th scope="col" class="number">Total</th>') == len(DATASETS)
