"""A borough officer's admin home lists what is due, each item linking to the form that
fixes it; nothing of another borough's appears there."""

import datetime as dt

from django.urls import reverse

from pilots.models import Evaluation, KPIReading, Milestone, Pilot, Stage
from tests.pilots.followups.helpers import all_answered


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_officer_home_lists_what_is_due_with_links(
    client, barnet_officer, barnet_pilot, barnet_monthly_kpi
):
    Milestone.objects.create(
        pilot=barnet_pilot, title="Recruit ten volunteers", due_on=dt.date(2024, 1, 31)
    )
    Evaluation.objects.filter(pilot=barnet_pilot).delete()
    Pilot.objects.filter(pk=barnet_pilot.pk).update(
        stage=Stage.IN_DELIVERY, evaluation_override_reason=""
    )
    july = reverse("pilots_readings", args=[barnet_monthly_kpi.pk]) + "?period=2023-07-01"

    html = home(client, barnet_officer)
    assert "What is due for Barnet" in html
    assert "KPI periods without a reading" in html and july in html
    assert "Recruit ten volunteers" in html and "#tab-milestones" in html
    assert "In delivery without an evaluation plan" in html
    assert f"{barnet_pilot.title}: add the method and what will be measured" in html

    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=dt.date(2023, 7, 1), value=40)
    Milestone.objects.filter(title="Recruit ten volunteers").update(done_on=dt.date(2024, 1, 30))
    html = home(client, barnet_officer)
    assert july not in html
    assert "Recruit ten volunteers" not in html


def test_another_borough_sees_none_of_it(client, brent_officer, barnet_pilot, barnet_monthly_kpi):
    Milestone.objects.create(
        pilot=barnet_pilot, title="Recruit ten volunteers", due_on=dt.date(2024, 1, 31)
    )
    html = home(client, brent_officer)
    assert "What is due for Brent" in html
    assert barnet_pilot.title not in html
    assert "Recruit ten volunteers" not in html
    assert reverse("pilots_readings", args=[barnet_monthly_kpi.pk]) not in html


def test_nothing_due_says_so(client, barnet_officer, barnet_pilot):
    for kpi in barnet_pilot.kpis.all():
        kpi.readings.all().delete()
        kpi.delete()
    Milestone.objects.filter(pilot=barnet_pilot).update(done_on=dt.date(2023, 1, 1))
    Pilot.objects.filter(pk=barnet_pilot.pk).update(evaluation_override_reason="Reviewed")
    all_answered(barnet_pilot)  # the 2023 Lab's follow-up check-ins are all due by now
    assert "Nothing is due. Thank you." in home(client, barnet_officer)


def test_a_fix_awaiting_approval_says_so(client, barnet_officer, barnet_pilot):
    """Officers save drafts; the home page reads published records, so an item the
    officer has fixed stays listed until a convenor approves, and says why."""
    Milestone.objects.create(
        pilot=barnet_pilot, title="Recruit ten volunteers", due_on=dt.date(2024, 1, 31)
    )
    draft = "Draft saved, not yet sent to the GLA"
    why = "an item you have fixed in a draft stays here until the GLA approves it"
    html = home(client, barnet_officer)
    assert why in html and draft not in html
    barnet_pilot.refresh_from_db()
    barnet_pilot.save_revision(user=barnet_officer)  # a draft, as an officer's save is
    html = home(client, barnet_officer)
    assert "Recruit ten volunteers" in html and why in html and draft in html
