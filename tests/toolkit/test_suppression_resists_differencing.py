"""Counts of people below the threshold are hidden, and no hidden count can be worked back:
not from a total minus the rest, not from two filtered views subtracted, not from a release
before and after a pilot is unpublished, not from two readings of a chart. The intruder
(`differencing.recoverable`) solves every published sum exactly."""

import random

import pytest

from tests.toolkit.differencing import published_equations, recoverable
from toolkit.suppression import suppress_series, suppress_table, suppressed, with_totals

KEYS = ["borough", "category"]


def _table(values: dict[tuple[str, str], int]) -> list[dict]:
    cells = [{"borough": b, "category": c, "n": n} for (b, c), n in values.items()]
    return suppress_table(with_totals(cells, KEYS, "n"), KEYS, "n")


def _release(rows: list[dict], keys: list[str] = KEYS):
    return published_equations(rows, keys, "n", lambda r: tuple(r[k] for k in keys))


def _figure(rows: list[dict], **keys) -> dict:
    wanted = {k: keys.get(k) for k in KEYS}
    return next(r for r in rows if all(r[k] == v for k, v in wanted.items()))


@pytest.fixture(autouse=True)
def threshold_of_ten(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 10


def test_the_intruder_catches_a_total_shown_beside_one_hidden_cell():
    # Primary suppression alone: Barnet's 3 is hidden, its row total 53 is not.
    cells = [{"borough": "Barnet", "category": c, "n": n} for c, n in [("a", 3), ("b", 50)]]
    rows = [{**r, "n": None if suppressed(r["n"]) else r["n"]}
            for r in with_totals(cells, KEYS, "n")]  # fmt: skip
    assert recoverable([_release(rows)]) == {("Barnet", "a")}


def test_a_count_below_the_threshold_is_hidden_and_one_at_it_is_shown():
    rows = _table({("Barnet", "a"): 9, ("Brent", "a"): 10, ("Newham", "a"): 0})
    barnet = {"borough": "Barnet", "category": "a", "n": None, "suppressed": True}
    assert _figure(rows, borough="Barnet", category="a") == barnet
    assert _figure(rows, borough="Brent", category="a")["n"] == 10
    assert _figure(rows, borough="Newham", category="a")["n"] == 0  # zero singles nobody out
    assert all(not r["suppressed"] for r in rows if r["n"] is not None)


def test_the_threshold_is_the_setting(settings):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 3
    assert [suppressed(v) for v in (0, 1, 2, 3, 20)] == [False, True, True, False, False]
    rows = _table({("Barnet", "a"): 3, ("Barnet", "b"): 2})
    assert _figure(rows, borough="Barnet", category="a")["n"] == 3
    assert _figure(rows, borough="Barnet", category="b")["n"] is None


def test_a_total_minus_the_visible_cells_reveals_nothing():
    rows = _table({("Barnet", "a"): 3, ("Barnet", "b"): 50, ("Brent", "a"): 40, ("Brent", "b"): 60})
    assert _figure(rows, borough="Barnet")["n"] is None  # 53 would give the 3 away
    assert _figure(rows, category="a")["n"] is None
    assert _figure(rows)["n"] is None
    assert _figure(rows, borough="Brent")["n"] == 100  # hides nobody
    assert _figure(rows, category="b")["n"] == 110
    assert recoverable([_release(rows)]) == set()


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_count_is_ever_recoverable_from_one_table(seed):
    rng = random.Random(seed)
    boroughs, categories = rng.randint(1, 6), rng.randint(1, 5)
    values = {(f"b{b}", f"c{c}"): rng.choice([0, 1, 4, 9, 10, 15, 40])
              for b in range(boroughs) for c in range(categories)}  # fmt: skip
    rows = _table(values)
    assert recoverable([_release(rows)]) == set()
    for (b, c), n in values.items():
        assert (_figure(rows, borough=b, category=c)["n"] is None) == (0 < n < 10)


@pytest.mark.parametrize("seed", range(20))
def test_two_filtered_views_subtracted_reveal_nothing(seed):
    # The API answers the whole table and each borough's part of it (?borough=), each with
    # its own totals; an intruder holds every answer at once.
    rng = random.Random(seed)
    values = {(f"b{b}", f"c{c}"): rng.choice([0, 2, 7, 12, 30]) for b in range(4) for c in range(3)}
    releases = [_release(_table(values))]
    for borough in {b for b, _ in values}:
        releases.append(_release(_table({k: v for k, v in values.items() if k[0] == borough})))
    for category in {c for _, c in values}:
        releases.append(_release(_table({k: v for k, v in values.items() if k[1] == category})))
    assert recoverable(releases) == set()


def test_a_figure_is_hidden_alike_in_every_view_of_the_table():
    values = {("Barnet", "a"): 4, ("Barnet", "b"): 20, ("Brent", "a"): 15, ("Brent", "b"): 30}
    whole = _table(values)
    barnet = _table({k: v for k, v in values.items() if k[0] == "Barnet"})
    for row in (r for r in barnet if r["borough"] == "Barnet"):  # Barnet's own figures
        assert row == _figure(whole, borough=row["borough"], category=row["category"])


def test_unpublishing_a_pilot_turns_no_hidden_count_into_an_exact_one():
    # A borough's figure adds up its pilots' figures, which case studies show one by one:
    # pilot is a level of the table. Brent's two pilots count 4 and 12 people.
    keys = ["borough", "pilot"]

    def release(values):
        cells = [{"borough": b, "pilot": p, "n": n} for (b, p), n in values.items()]
        rows = suppress_table(with_totals(cells, keys, "n"), keys, "n")
        return rows, _release(rows, keys)

    before = {("Brent", "welcome"): 4, ("Brent", "travel"): 12, ("Barnet", "volunteers"): 30}
    after = {k: v for k, v in before.items() if k[1] != "welcome"}  # unpublished
    rows_before, release_before = release(before)
    rows_after, release_after = release(after)
    brent_before = next(r for r in rows_before if r["borough"] == "Brent" and r["pilot"] is None)
    assert brent_before["n"] is None  # 16, but it contains the hidden 4
    grand_before = next(r for r in rows_before if r["borough"] is None and r["pilot"] is None)
    assert grand_before["n"] is None
    grand_after = next(r for r in rows_after if r["borough"] is None and r["pilot"] is None)
    assert grand_after["n"] == 42  # now hides nobody: before minus after is not shown
    assert recoverable([release_before, release_after]) == set()


def test_a_small_total_is_hidden_even_when_its_cells_are_zero_or_missing():
    rows = suppress_table([{"borough": None, "category": None, "n": 5}], KEYS, "n")
    assert rows == [{"borough": None, "category": None, "n": None, "suppressed": True}]


def test_a_chart_never_shows_two_readings_a_few_people_apart():
    # Baseline 0, then readings: 8 is small; 19 is 3 more than the 16 shown before it.
    assert suppress_series([0, 8, 16, 19, 30]) == [False, True, False, True, False]
    # 22 is 13 below 35 but only 2 above the 20 shown before both.
    assert suppress_series([20, 35, 22]) == [False, False, True]
    assert suppress_series([12, 12, None, 0]) == [False, False, False, False]


@pytest.mark.parametrize("seed", range(20))
def test_no_two_shown_readings_differ_by_a_small_count(seed):
    rng = random.Random(seed)
    series = [rng.choice([None, 0, 3, 9, 10, 14, 25, 31, 60]) for _ in range(rng.randint(1, 12))]
    hidden = suppress_series(series)
    shown = [v for v, h in zip(series, hidden, strict=True) if v is not None and not h]
    assert not any(suppressed(v) for v in shown)
    assert not any(suppressed(abs(a - b)) for a in shown for b in shown)
