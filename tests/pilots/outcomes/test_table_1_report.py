"""Table 1 of the report (pilot initiatives by borough, key lesson), regenerated from the
published pilots."""

import csv
import io

from django.urls import reverse

from pilots.outcomes.table_1 import table_1
from pilots.seed.data.table1 import TABLE_1


def test_table_1_is_reproduced_from_the_records(lab):
    rows = table_1(lab)

    assert [r.borough for r in rows] == sorted(TABLE_1)
    for row in rows:
        assert sorted(row.activities) == sorted(TABLE_1[row.borough]["activities"])
        assert row.key_lesson == TABLE_1[row.borough]["key_lesson"]


def test_an_unpublished_pilot_leaves_table_1(lab, barnet_pilot):
    barnet_pilot.unpublish()

    assert "Barnet" not in [r.borough for r in table_1(lab)]


def test_convenors_see_every_borough_in_the_report(client, convenor, lab):
    client.force_login(convenor)

    response = client.get(reverse("lab_table_1"))

    assert response.status_code == 200
    for borough in TABLE_1:
        assert borough in response.text
    assert "Lambeth is using their status as a Borough of Sanctuary" in response.text


def test_an_officer_sees_only_their_own_row(client, barnet_officer, lab):
    client.force_login(barnet_officer)

    response = client.get(reverse("lab_table_1"))

    assert response.status_code == 200
    assert "Volunteer Barnet" in response.text
    assert "Lambeth" not in response.text and "Brent" not in response.text


def test_the_csv_download_has_every_row_and_neutralised_cells(client, convenor, lab, barnet_pilot):
    barnet_pilot.key_lesson = '=HYPERLINK("http://evil.example")'
    barnet_pilot.save_revision().publish()
    client.force_login(convenor)

    response = client.get(reverse("lab_table_1") + "?export=csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))

    assert rows[0] == ["Local authority", "Pilot initiatives", "Key lesson"]
    assert len(rows) == 1 + 11
    barnet = next(r for r in rows if r[0] == "Barnet")
    assert barnet[2] == '\'=HYPERLINK("http://evil.example")'


def test_anonymous_visitors_are_sent_to_log_in(client, lab):
    response = client.get(reverse("lab_table_1"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_xlsx_download_reads_back(client, convenor, lab):
    from openpyxl import load_workbook

    client.force_login(convenor)

    response = client.get(reverse("lab_table_1") + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))

    assert rows[0] == ("Local authority", "Pilot initiatives", "Key lesson")
    assert [r[0] for r in rows[1:]] == sorted(TABLE_1)
