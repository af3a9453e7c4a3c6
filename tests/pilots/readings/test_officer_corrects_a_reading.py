"""An officer follows a "what is due" link to the readings page, enters a reading, then
corrects it: the page says what happened each time and the old value is kept."""

from decimal import Decimal

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Revision

from pilots.models import KPIReading


def page(client, kpi, period=""):
    url = reverse("pilots_readings", args=[kpi.pk]) + (f"?period={period}" if period else "")
    return BeautifulSoup(client.get(url).content, "html.parser")


def save(client, kpi, period, value, note=""):
    """Post the form and follow the redirect, as a browser does; returns the message."""
    response = client.post(
        reverse("pilots_readings", args=[kpi.pk]),
        {"period_start": period, "value": value, "note": note},
        follow=True,
    )
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one(".messages").get_text().split())


def test_enter_then_correct_a_reading(client, barnet_officer, barnet_monthly_kpi):
    client.force_login(barnet_officer)
    soup = page(client, barnet_monthly_kpi, "2023-08-01")
    assert soup.select_one("select[name=period_start] option[selected]")["value"] == "2023-08-01"
    assert "A percentage: a number from 0 to 100." in soup.get_text()

    message = save(client, barnet_monthly_kpi, "2023-08-01", "20")
    assert message == (
        "Placements lasting three months, August 2023: reading saved. It waits for a "
        "convenor's review and counts in public once approved."
    )

    soup = page(client, barnet_monthly_kpi, "2023-08-01")
    assert soup.select_one("input[name=value]")["value"] == "20.00"  # the form offers it
    row = next(tr for tr in soup.select("tbody tr") if "August 2023" in tr.get_text())
    assert "20" in row.get_text() and "Correct" in row.get_text()

    message = save(client, barnet_monthly_kpi, "2023-08-01", "24", "Late referrals added")
    assert message == (
        "Placements lasting three months, August 2023: reading corrected. "
        "The previous value is kept in the reading's history. It waits for a convenor's "
        "review and counts in public once approved."
    )
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi)
    assert (reading.value, reading.note) == (Decimal("24.00"), "Late referrals added")
    assert [r.content["value"] for r in Revision.objects.for_instance(reading).order_by("pk")] == [
        "20.00",
        "24.00",
    ]
    soup = page(client, barnet_monthly_kpi)
    assert "Progress to target: 30%" in soup.get_text()
    row = next(tr for tr in soup.select("tbody tr") if "August 2023" in tr.get_text())
    assert "24" in row.get_text() and "Corrected; earlier 20" in row.get_text()

    message = save(client, barnet_monthly_kpi, "2023-08-01", "24", "Late referrals added")
    assert message.endswith("nothing changed: this reading was already recorded.")
    assert Revision.objects.for_instance(reading).count() == 2


def test_errors_are_shown_in_plain_words_next_to_the_field(
    client, barnet_officer, barnet_monthly_kpi
):
    client.force_login(barnet_officer)
    response = client.post(
        reverse("pilots_readings", args=[barnet_monthly_kpi.pk]),
        {"period_start": "2023-08-01", "value": "45%"},
    )
    assert response.status_code == 200
    said = response.content.decode()
    assert f"Enter {barnet_monthly_kpi.name} as a percentage: a number from 0 to 100" in said
    assert "Enter a number." not in said
    assert not KPIReading.objects.filter(kpi=barnet_monthly_kpi).exists()
