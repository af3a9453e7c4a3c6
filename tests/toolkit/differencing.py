"""A motivated intruder for the suppression tests: given every figure published (cells and
totals, from any number of tables, filtered views or releases), which hidden cells can be
worked out exactly by adding and subtracting? Exact arithmetic, no shortcuts."""

from fractions import Fraction


def published_equations(rows: list[dict], group_keys: list[str], value_key: str, cell_id):
    """From one published table: the cells it shows ({id: value}), the ids of those it hides,
    and an equation (ids of the cells it adds up, total) for each total it shows. `cell_id`
    names a cell across tables and releases (the same people counted, the same id)."""
    cells = [r for r in rows if all(r[k] is not None for k in group_keys)]
    shown = {cell_id(r): r[value_key] for r in cells if r[value_key] is not None}
    hidden = {cell_id(r) for r in cells if r[value_key] is None}
    equations = []
    for total in rows:
        fixed = {k: total[k] for k in group_keys if total[k] is not None}
        if len(fixed) == len(group_keys) or total[value_key] is None:
            continue
        members = [cell_id(c) for c in cells if all(c[k] == v for k, v in fixed.items())]
        equations.append((members, total[value_key]))
    return shown, hidden, equations


def recoverable(releases: list[tuple[dict, set, list]]) -> set:
    """The hidden cell ids that the published figures of all `releases` pin down."""
    shown: dict = {}
    hidden: set = set()
    equations: list = []
    for release_shown, release_hidden, release_equations in releases:
        shown.update(release_shown)
        hidden |= release_hidden
        equations += release_equations
    hidden -= set(shown)  # shown in one release, then nothing to find
    unknowns = sorted(hidden, key=repr)
    index = {u: i for i, u in enumerate(unknowns)}
    # Each equation, with the shown cells moved to the right-hand side.
    matrix = []
    for members, total in equations:
        row = [Fraction(0)] * len(unknowns)
        rhs = Fraction(total)
        for m in members:
            if m in index:
                row[index[m]] += 1
            else:
                rhs -= shown[m]
        matrix.append(row + [rhs])
    pivots = _row_reduce(matrix, len(unknowns))
    # An unknown is pinned down when a reduced row has it as its only non-zero coefficient.
    found = set()
    for r, c in pivots:
        if all(matrix[r][j] == 0 for j in range(len(unknowns)) if j != c):
            found.add(unknowns[c])
    return found


def _row_reduce(matrix: list[list[Fraction]], width: int) -> list[tuple[int, int]]:
    pivots, r = [], 0
    for c in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][c] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][c]
        matrix[r] = [x / lead for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][c] != 0:
                factor = matrix[i][c]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append((r, c))
        r += 1
    return pivots
