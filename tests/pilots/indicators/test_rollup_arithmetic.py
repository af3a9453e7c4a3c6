"""The roll-up of a shared indicator: counts add up across boroughs; percentages pool by
their numerators and denominators, never by averaging the boroughs' percentages; only
approved readings of published pilots count; boroughs without a figure are named."""

import datetime as dt
from decimal import Decimal

from designlab.models import Borough, SharedIndicator
from pilots.indicators.rollup import indicator_rollups
from pilots.models import KPI, KPIReading, Pilot
from tests.pilots.indicators.world import JULY, OCTOBER, adopt, indicator_make, ratio_kpi


def _rollup(lab, indicator):
    return next(r for r in indicator_rollups([lab]) if r.indicator == indicator)


def test_counts_add_up_per_period(lab, people_reached):
    rollup = _rollup(lab, people_reached)

    assert [p.period_start for p in rollup.periods] == [JULY, OCTOBER]
    july, october = rollup.periods
    assert {(b.borough, b.value) for b in july.boroughs} == {("Barnet", 10), ("Brent", 15)}
    assert (july.pooled, october.pooled) == (25, 50)
    assert (july.included, july.using, july.missing) == (2, 2, [])


def test_a_borough_with_two_adopting_kpis_counts_their_sum(lab, people_reached, brent_pilot):
    second = KPI.objects.create(pilot=brent_pilot, name="Drop-in visits", sort_order=3,
                                shared_indicator=people_reached)  # fmt: skip
    KPIReading.objects.create(kpi=second, period_start=JULY, value=7, status="approved")

    july = _rollup(lab, people_reached).periods[0]

    brent = next(b for b in july.boroughs if b.borough == "Brent")
    assert (brent.value, brent.readings) == (15 + 7, 2)
    assert july.pooled == 10 + 15 + 7


def test_boroughs_using_it_without_an_approved_figure_are_named_missing(lab, people_reached):
    hounslow = Pilot.objects.get(borough__slug="hounslow").kpis.get()
    adopt(hounslow, people_reached)
    hounslow.readings.filter(period_start=OCTOBER).update(status=KPIReading.Status.SUBMITTED)

    july, october = _rollup(lab, people_reached).periods

    assert (july.included, july.missing) == (3, [])
    assert (october.included, october.using, october.missing) == (2, 3, ["Hounslow"])
    assert october.pooled == 20 + 30  # the submitted reading counts nowhere


def test_readings_not_approved_or_of_unpublished_pilots_do_not_count(lab, people_reached):
    KPIReading.objects.filter(kpi__pilot__borough__slug="brent", period_start=JULY).update(
        status=KPIReading.Status.RETURNED
    )
    barnet = Pilot.objects.get(borough__slug="barnet")
    barnet.live = False
    barnet.save()

    (october,) = _rollup(lab, people_reached).periods  # July: nobody's figure counts

    assert [b.borough for b in october.boroughs] == ["Brent"] and october.pooled == 30


def test_percentages_pool_by_numerator_and_denominator(lab, barnet_pilot, brent_pilot):
    share = indicator_make([lab], "share-in-work", unit="percent")
    ratio_kpi(barnet_pilot, share, {JULY: (1, 2)})  # 50 %
    ratio_kpi(brent_pilot, share, {JULY: (90, 100)})  # 90 %

    july = _rollup(lab, share).periods[0]

    assert {(b.borough, b.value) for b in july.boroughs} == {("Barnet", 50), ("Brent", 90)}
    assert (july.numerator, july.denominator) == (91, 102)
    assert july.pooled == Decimal("89.2")  # 91 / 102, not the average of 50 and 90 (70)


def test_a_percentage_without_its_two_counts_does_not_pool(lab, barnet_pilot, brent_pilot):
    share = indicator_make([lab], "share-in-work", unit="percent")
    ratio_kpi(barnet_pilot, share, {JULY: (1, 2)})
    typed = ratio_kpi(brent_pilot, share, {JULY: (90, 100)})
    typed.readings.update(numerator=None, denominator=None)  # recorded before adopting

    july = _rollup(lab, share).periods[0]

    assert (july.pooled, july.missing) == (50, ["Brent"])


def test_an_indicator_of_another_lab_is_not_counted_here(lab, barnet_pilot):
    elsewhere = indicator_make([], "elsewhere")
    KPI.objects.filter(pk=barnet_pilot.kpis.get().pk).update(shared_indicator=elsewhere)

    assert elsewhere not in {r.indicator for r in indicator_rollups([lab])}
    assert SharedIndicator.objects.count() == 1 and Borough.objects.exists()


def test_across_labs_keeps_indicators_of_two_labs_or_more(lab, people_reached, barnet_pilot):
    from designlab.models import Lab, Participation
    from pilots.indicators.rollup import indicators_across_labs

    only_2023 = indicator_make([lab], "only-2023")
    later = Lab.objects.create(
        name="Lab 2024", slug="lab-2024", convenor="GLA",
        starts_on=dt.date(2024, 4, 1), ends_on=dt.date(2024, 9, 30),
    )  # fmt: skip
    Participation.objects.create(lab=later, borough=barnet_pilot.borough)
    people_reached.labs.add(later)

    (item,) = indicators_across_labs([lab, later])

    assert item.indicator == people_reached and only_2023 != item.indicator
    assert [r.lab for r in item.labs] == [later, lab]  # the most recent Lab first
    assert [p.pooled for p in item.labs[1].periods] == [25, 50] and item.labs[0].periods == []
