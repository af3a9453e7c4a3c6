"""Which public figures are hidden, and why. The one module that decides it for everything
the public site publishes: case studies, the Lab report, open data, the API and any public
dashboard. Call it; never re-derive the rule.

- **Counts of records are exact.** Pilots, boroughs and evaluations are listed one by one
  on the case studies and by the API, so a mask on their counts hides nothing: it only
  misleads, and unpublishing one pilot would move a cell from [c] to 0 and give it away.
  Readings too are records, not people.
- **Counts of people are hidden** from 1 to `TOOLKIT_SUPPRESSION_THRESHOLD` - 1 (10 by
  default, UK practice): a KPI's readings and baseline when `KPI.counts_people`, and every
  figure built from them (per borough, per category, pooled). A figure at the threshold is
  shown, and so is zero: it singles nobody out.
- **A total is shown only if every figure it adds up is shown** (secondary suppression).
  Otherwise "total minus the rest" gives the hidden one back. The usual alternative, hiding
  one more cell beside a lone hidden one, depends on the whole table, so two filtered views
  of it (by borough in the API, say, or one before and one after a pilot is unpublished)
  hide different cells and, subtracted, reveal one. Under this rule whether a figure is
  hidden depends only on the figures inside it, so every view, filter and moment agrees.
- **Over time** (a chart of readings), two shown figures never differ by a small count of
  people (`suppress_series`).
"""

from collections.abc import Collection
from decimal import Decimal
from functools import cache
from itertools import combinations

from django.conf import settings

Number = int | float | Decimal


def threshold() -> int:
    return settings.TOOLKIT_SUPPRESSION_THRESHOLD


def suppressed(value: Number | None) -> bool:
    """Whether a single count of people must be hidden: from 1 to just below the threshold.
    Zero and figures at or above the threshold are shown; None (no figure) has nothing to hide.
    For a percentage pooled from counts of people, ask about its numerator and denominator
    and hide the percentage if either must be hidden."""
    return value is not None and 0 < value < threshold()


def suppress_series(values: list[Number | None]) -> list[bool]:
    """Which figures of one count of people over time to hide: a KPI's baseline, then its
    readings oldest first (a chart, or the latest reading beside the baseline). A figure is
    hidden when small, or when it differs from a figure shown before it by less than the
    threshold (but not by nothing): the difference would count the few people who came or
    went in between. Missing figures (None) are not hidden."""
    shown: list[Number] = []
    hidden = []
    for value in values:
        hide = value is not None and (
            suppressed(value) or any(suppressed(abs(value - earlier)) for earlier in shown)
        )
        if value is not None and not hide:
            shown.append(value)
        hidden.append(hide)
    return hidden


@cache
def _total_positions(width: int) -> list[tuple[int, ...]]:
    """For `width` keys, one tuple per non-empty subset of them: indices into a cell's keys
    followed by None, picking None for each key summed over."""
    return [
        tuple(width if i in subset else i for i in range(width))
        for size in range(1, width + 1)
        for subset in combinations(range(width), size)
    ]


def _totals_of(cell: tuple) -> list[tuple]:
    """The keys of every total that adds up the cell with keys `cell`: each non-empty
    subset of its keys set to None ("all")."""
    pick = (*cell, None).__getitem__
    return [tuple(map(pick, positions)) for positions in _total_positions(len(cell))]


def with_totals(rows: list[dict], group_keys: list[str], value_key: str) -> list[dict]:
    """`rows` (one per combination of `group_keys`) followed by every total of them: for
    each subset of the keys, the sum over it, that key None ("all"). With keys borough and
    category: each borough's total, each category's total and the grand total. Totals are
    made here from the exact figures so that they add up what `suppress_table` checks."""
    totals: dict[tuple, Number] = {}
    for row in rows:
        for total in _totals_of(tuple(row[k] for k in group_keys)):
            totals[total] = totals.get(total, 0) + row[value_key]
    return [*rows, *({**dict(zip(group_keys, k, strict=True)), value_key: v}
                     for k, v in totals.items())]  # fmt: skip


def suppress_table(
    rows: list[dict], group_keys: list[str], value_key: str, withheld: Collection[tuple] = ()
) -> list[dict]:
    """The rows of a table of counts of people, each with `suppressed` set, and
    `value_key` None where it is hidden.

    A row whose `group_keys` are all set is a cell; a row with some of them None is the
    total of the cells that agree with it on the others (see `with_totals`). A cell is
    hidden when it is small (`suppressed`); a total when it is small or when any cell it adds
    up is hidden, so no hidden cell can be worked back from a total minus the rest, in this
    table or between two filtered views of it.

    `group_keys` must include every level whose figures are published on their own
    elsewhere. Case studies show each pilot's figure, so a borough's figure is a total over
    its pilots (keys borough and pilot): hidden whenever one of its pilots' figures is, and
    never shown beside it for the one to be subtracted from the other.

    `withheld` holds the keys of cells hidden elsewhere for another reason (a reading a
    few people away from an earlier one, `suppress_series`): hidden here as if small, and
    so is every total over them.
    """

    def key(row: dict) -> tuple:
        return tuple(row[k] for k in group_keys)

    small = [suppressed(row[value_key]) or key(row) in withheld for row in rows]
    hidden_totals = {
        total
        for row, is_small in zip(rows, small, strict=True)
        if is_small and None not in key(row)  # a small cell: every total over it is hidden
        for total in _totals_of(key(row))
    }
    out = []
    for row, is_small in zip(rows, small, strict=True):
        hidden = is_small or key(row) in hidden_totals
        out.append({**row, value_key: None if hidden else row[value_key], "suppressed": hidden})
    return out


def breakdown_withheld(
    total: Number, parts: list[Number], *, total_withheld: bool = False, moved: bool = False
) -> bool:
    """Whether to withhold every category of one count of people split by categories (a
    reading and its parts). The categories and what they leave out of the total (people
    who did not say, say) are the cells of a table whose total is the reading: hidden by
    `suppress_table` when any cell is hidden. But the reading is published on its own
    everywhere, so here the categories are hidden instead, all of them: the total minus
    the others never gives one back, and the decision depends only on this reading and
    its own categories, so every surface and filter agrees.

    Withheld when `suppress_table` would hide the total, when the total itself is withheld
    (`total_withheld`: the categories would add up to it), or when a category's figure is
    a few people away from an earlier one shown (`moved`, from `suppress_series` on each
    category's own series)."""
    if total_withheld or moved:
        return True
    rest = abs(Decimal(str(total)) - sum((Decimal(str(p)) for p in parts), Decimal(0)))
    cells = [{"cell": i, "n": value} for i, value in enumerate([*parts, rest])]
    table = suppress_table([*cells, {"cell": None, "n": total}], ["cell"], "n")
    return table[-1]["suppressed"]
