"""Above each open-data table, one sentence says what a hidden cell means, using the
suppression threshold the site is configured with."""

import re

import pytest

from toolkit.opendata import DATASETS

pytestmark = pytest.mark.django_db


def _keys_before_tables(html: str) -> list[str]:
    """The sentence just before each table's scroll box."""
    return re.findall(r'<p class="suppression-key">(.*?)</p>\s*<div class="table-scroll"', html)


def test_each_table_has_the_sentence_above_it(client):
    keys = _keys_before_tables(client.get("/open-data/").content.decode())
    assert len(keys) == len(DATASETS)
    assert all(key.startswith("<code>[c]</code>: fewer than 10, hidden to protect privacy")
               for key in keys)  # fmt: skip


def test_the_sentence_follows_the_threshold_setting(client, settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 5
    html = client.get("/open-data/").content.decode()
    assert all("fewer than 5, hidden" in key for key in _keys_before_tables(html))
    assert "Counts from 1 to 4 are hidden" in html


def test_every_table_has_a_total_column(client):
    html = client.get("/open-data/").content.decode()
    assert html.count('<th scope="col" class="number">Total</th>') == len(DATASETS)
