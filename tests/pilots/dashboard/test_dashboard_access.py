"""The Lab dashboard is for convenors: officers are refused, anonymous visitors log in."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.refusals import refused


def test_a_convenor_sees_every_borough_at_a_glance(client, convenor, lab):
    client.force_login(convenor)

    response = client.get(reverse("lab_dashboard"))

    assert response.status_code == 200
    header = BeautifulSoup(response.content, "html.parser").select_one("header")
    assert "Lab dashboard" in header.get_text()  # the header names the page
    for name in ("Barking and Dagenham", "Newham", "Waltham Forest"):
        assert name in response.text
    statement = lab.outcomes.get(number=2).statement
    assert f"2. {statement}" in response.text and "Partial success" in response.text
    assert "14 published pilots" in response.text


def test_an_officer_is_refused(client, barnet_officer, lab):
    client.force_login(barnet_officer)

    response = client.get(reverse("lab_dashboard"))

    assert refused(response)
    assert "Brent" not in response.text


def test_anonymous_visitors_are_sent_to_log_in(client, lab):
    response = client.get(reverse("lab_dashboard"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_menu_offers_the_dashboard_to_convenors_only(client, convenor, barnet_officer, lab):
    url = reverse("lab_dashboard")
    client.force_login(convenor)
    assert url in client.get(reverse("wagtailadmin_home")).text
    client.force_login(barnet_officer)
    assert url not in client.get(reverse("wagtailadmin_home")).text
