"""Statistical disclosure control for everything the public site publishes.

UK practice: counts from 1 up to the threshold (a setting, 10 by default) are masked,
and secondary suppression masks further cells so that a masked cell cannot be worked
out from the totals. Zero is published: it singles nobody out.
"""

from decimal import Decimal

from django.conf import settings


def threshold() -> int:
    return settings.TOOLKIT_SUPPRESSION_THRESHOLD


def is_disclosive(count: int | Decimal | None) -> bool:
    return count is not None and 0 < count < threshold()


def suppress_table(cells: list[list[int]], columns: int) -> list[list[int | None]]:
    """Return the table with row totals, column totals and a grand total appended, every
    small count masked (None), and enough other cells masked that no masked value can be
    recomputed by subtracting published cells from a published total."""
    rows = [list(row) + [sum(row)] for row in cells]
    width = columns + 1
    rows.append([sum(row[i] for row in rows) for i in range(width)])
    masked = [[is_disclosive(value) for value in row] for row in rows]
    # Each line: a total cell and the member cells that add up to it.
    height = len(rows)
    lines = [([(r, c) for c in range(width - 1)], (r, width - 1)) for r in range(height)]
    lines += [([(r, c) for r in range(height - 1)], (height - 1, c)) for c in range(width)]
    changed = True
    while changed:
        changed = False
        for members, (tr, tc) in lines:
            hidden = [cell for cell in members if masked[cell[0]][cell[1]]]
            if masked[tr][tc] or len(hidden) != 1:
                continue
            # Exactly one masked member under a published total: it could be recomputed.
            # Mask the smallest other member (a non-zero one if possible), else the total.
            candidates = [cell for cell in members if not masked[cell[0]][cell[1]]]
            candidates.sort(key=lambda cell: (rows[cell[0]][cell[1]] == 0, rows[cell[0]][cell[1]]))
            r, c = candidates[0] if candidates else (tr, tc)
            masked[r][c] = True
            changed = True
    return [[None if masked[r][c] else rows[r][c] for c in range(width)] for r in range(height)]
