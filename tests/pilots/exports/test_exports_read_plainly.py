"""Exports say what people read, not what the database stores ("In delivery", not
"in_delivery"); CSV downloads open in Excel and LibreOffice as UTF-8 (a byte order mark
first), curly quotes and Arabic included; a resource a convenor has not approved is never
called public. Each test opens the real file."""

import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pilots.exports.workbook import lab_workbook_write
from pilots.models import KPI, Pilot, SharedResource

BOM = b"\xef\xbb\xbf"


def _sheet(lab, name: str) -> list[dict]:
    out = io.BytesIO()
    lab_workbook_write(lab, out, borough=None)
    out.seek(0)
    rows = list(load_workbook(out)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_workbook_shows_labels_not_codes(lab):
    pilot = Pilot.objects.published().filter(lab=lab).first()
    pilot.stage = "in_delivery"
    pilot.save()
    KPI.objects.filter(pilot__lab=lab).update(direction="increase", unit="count")

    pilots = _sheet(lab, "Pilots")
    kpis = _sheet(lab, "KPIs")
    readings = _sheet(lab, "Readings")
    resources = _sheet(lab, "Resources")

    assert "In delivery" in {row["Stage"] for row in pilots}
    assert not {row["Stage"] for row in pilots} & {"in_delivery", "designing", "completed"}
    assert {row["Where this came from"] for row in pilots} <= {"Stated in the source",
                                                               "Illustrative"}  # fmt: skip
    assert {row["Direction"] for row in kpis} == {"Higher is better"}
    assert {row["Unit"] for row in kpis} == {"Count"}
    assert {row["Unit"] for row in readings} <= {"Count"}
    assert "Welcome or induction pack" in {row["Kind"] for row in resources}
    assert "welcome_pack" not in {row["Kind"] for row in resources}


def test_an_unapproved_resource_is_not_called_public(lab, barnet_pilot):
    SharedResource.objects.create(lab=lab, borough=barnet_pilot.borough, kind="report",
                                  title="Offered, not approved", visibility="public")  # fmt: skip
    SharedResource.objects.create(lab=lab, borough=barnet_pilot.borough, kind="report",
                                  title="Approved", visibility="public",
                                  approved_at=timezone.now())  # fmt: skip

    shown = {row["Title"]: row["Visibility"] for row in _sheet(lab, "Resources")}

    assert shown["Offered, not approved"] == "Offered to the public, awaiting a convenor's approval"
    assert shown["Approved"] == "Public"


def test_a_csv_table_starts_with_a_byte_order_mark_and_keeps_arabic(client, convenor, lab):
    pilot = Pilot.objects.published().filter(lab=lab).first()
    pilot.title = "“Welcome” — ترحيب"
    pilot.save()
    client.force_login(convenor)

    response = client.get(reverse("lab_export_csv", args=[lab.slug, "pilots"]))
    body = b"".join(response.streaming_content)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(BOM)
    assert body.count(BOM) == 1
    text = body.decode("utf-8-sig")
    assert text.startswith("Pilot ID,")
    assert "“Welcome” — ترحيب" in text
    assert "In delivery" in text or "Designing" in text or "Completed" in text


def test_table_1_csv_starts_with_a_byte_order_mark(client, convenor):
    client.force_login(convenor)

    response = client.get(reverse("lab_table_1") + "?export=csv")
    body = b"".join(response.streaming_content)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(BOM) and body.decode("utf-8-sig").startswith("Local authority")


def test_open_data_csv_starts_with_a_byte_order_mark_and_uses_labels(client, db):
    response = client.get("/open-data/pilots-by-stage.csv")

    assert response.content.startswith(BOM)
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("borough,gss_code,Designing,")
    assert "In delivery" in header and "in_delivery" not in header
