"""Published counts below the threshold are masked, and no masked count can be worked back
out from the totals; the files carry the Open Government Licence."""

import csv
import io
import re
from itertools import product

import pytest

from designlab.models import Borough
from pilots.models import Pilot
from toolkit.disclosure import suppress_table

pytestmark = pytest.mark.django_db


def _recoverable(table: list[list[int | None]]) -> list[tuple[int, int]]:
    """Masked cells that are the only masked member of a line with a published total."""
    height, width = len(table), len(table[0])
    found = []
    for r in range(height):
        hidden = [c for c in range(width - 1) if table[r][c] is None]
        if len(hidden) == 1 and table[r][width - 1] is not None:
            found.append((r, hidden[0]))
    for c in range(width):
        hidden = [r for r in range(height - 1) if table[r][c] is None]
        if len(hidden) == 1 and table[height - 1][c] is not None:
            found.append((hidden[0], c))
    return found


def test_counts_from_one_to_nine_are_masked_and_ten_is_published(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    assert suppress_table([[9, 1]], columns=2)[0] == [None, None, 10]
    assert suppress_table([[10, 0]], columns=2)[0] == [10, 0, 10]  # a zero singles nobody out


def test_a_lone_masked_cell_gets_a_complementary_one(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    table = suppress_table([[3, 20, 30], [40, 50, 60]], columns=3)
    assert table[0][0] is None
    assert _recoverable(table) == []
    assert table[0][1] is None  # the smallest other cell of the row
    assert table[1][0] is None  # and of the column


@pytest.mark.parametrize("seed", range(30))
def test_no_masked_cell_is_ever_recoverable_from_totals(settings, seed):
    import random

    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 6), rng.randint(1, 5)
    cells = [[rng.choice([0, 1, 4, 9, 10, 15, 40]) for _ in range(cols)] for _ in range(rows)]
    table = suppress_table(cells, columns=cols)
    assert _recoverable(table) == []
    for r, c in product(range(rows), range(cols)):
        if 0 < cells[r][c] < 10:
            assert table[r][c] is None


def test_the_threshold_is_a_setting(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 3
    assert suppress_table([[3, 5]], columns=2)[0] == [3, 5, 8]


def test_csv_download_masks_small_counts_and_states_the_licence(client):
    response = client.get("/open-data/pilots-by-stage.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "open-government-licence/version/3" in response["Link"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["borough", "gss_code"]
    barnet = next(row for row in rows if row[0] == "Barnet")
    assert "[c]" in barnet  # one pilot: below the threshold
    assert rows[-1][0] == "All boroughs" and rows[-1][-1] == "14"


def test_json_download_uses_null_for_masked_counts_and_carries_the_licence(client):
    data = client.get("/open-data/kpi-readings.json").json()
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["suppression"]["threshold"] == 10
    assert all(row["values"]["KPI readings"] is None for row in data["rows"])
    assert data["all_boroughs"]["Total"] >= 10  # the total over all boroughs is large enough


def test_spreadsheet_formulas_in_text_cells_are_neutralised(client, lab):
    borough = Borough.objects.create(name="=HYPERLINK(1)", slug="formula", gss_code="E09000099")
    Pilot.objects.create(lab=lab, borough=borough, title="t", activity="a", live=True)
    body = client.get("/open-data/pilots-by-stage.csv").content.decode()
    assert "'=HYPERLINK(1)" in body


def test_unknown_dataset_or_format_is_not_found(client):
    assert client.get("/open-data/nothing.csv").status_code == 404
    assert client.get("/open-data/pilots-by-stage.xlsx").status_code == 404


@pytest.mark.parametrize("value, shown", [(9, False), (10, True), (0, True)])
def test_case_study_and_api_mask_a_kpi_count_just_below_the_threshold(
    client, barnet_pilot, case_study, value, shown
):
    kpi = barnet_pilot.kpis.get()
    assert kpi.unit == "count"
    reading = kpi.readings.order_by("period_start").last()
    reading.value = value
    reading.save()
    row = re.search(rf"<th scope=\"row\">{kpi.name}.*?</tr>", client.get(case_study.url)
                    .content.decode(), re.S)[0]  # fmt: skip
    api = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    if shown:
        assert f'<td class="number">{value} <span' in row and api["latest_value"] == value
    else:
        assert "Fewer than 10" in row and f'<td class="number">{value} ' not in row
        assert api["latest_value"] is None and api["suppressed"] is True
