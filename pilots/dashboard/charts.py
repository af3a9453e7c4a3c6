"""Server-rendered bar charts (SVG) for the admin dashboard.

Every bar carries its value as text and a bar that meets its mark is hatched as well as
coloured, so nothing is read from colour alone. Each chart is shown with a table too.
"""

from dataclasses import dataclass

from pilots.dashboard.rows import BoroughRow
from pilots.models import Stage

ROW, LABEL_WIDTH, BAR_WIDTH, TOP = 24, 220, 300, 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    marked: bool = False  # e.g. target met: drawn hatched


@dataclass(frozen=True)
class DrawnBar:
    label: str
    text: str
    marked: bool
    y: int
    text_y: int
    width: float
    value_x: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[DrawnBar]
    height: int
    width: int = LABEL_WIDTH + BAR_WIDTH + 220  # room for the value text after a full bar
    label_x: int = LABEL_WIDTH - 8
    bar_x: int = LABEL_WIDTH
    row: int = ROW - 6


def bar_chart(title: str, bars: list[Bar], *, maximum: float | None = None) -> Chart:
    """Lay out horizontal bars scaled to `maximum` (default: the largest value)."""
    top = max([maximum or 0, *(b.value for b in bars)]) or 1
    drawn = []
    for i, bar in enumerate(bars):
        width = round(BAR_WIDTH * max(0.0, min(bar.value, top)) / top, 1)
        y = TOP + i * ROW
        drawn.append(
            DrawnBar(
                label=bar.label,
                text=bar.text,
                marked=bar.marked,
                y=y,
                text_y=y + ROW // 2 + 1,
                width=width,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return Chart(title=title, bars=drawn, height=TOP * 2 + ROW * len(bars))


def dashboard_charts(boroughs: list[BoroughRow], sessions: dict, *, everyone: list) -> dict:
    """The dashboard's charts of some of a Lab's borough rows (a page of them); the stage
    chart counts `everyone`, every borough's row."""
    stage_counts = {value: 0 for value, _ in Stage.choices}
    for b in everyone:
        for stage, n in b.stages.items():
            stage_counts[stage] += n
    held = sum(sessions.values())
    exchanges = [
        Bar(b.name, b.shared + b.reused, f"{b.shared} out, {b.reused} in") for b in boroughs
    ]
    return {
        "exchange": bar_chart(
            "Peer exchanges by borough: its resources reused by others (out), others' reused (in)",
            exchanges,
        ),
        "stages": bar_chart(
            "Published pilots by stage",
            [
                Bar(label, stage_counts[value], str(stage_counts[value]))
                for value, label in Stage.choices
            ],
        ),
        "evaluation": bar_chart(
            "Pilots with an implemented evaluation, by borough (per cent of its pilots)",
            [
                Bar(b.name, _pct(b.evaluated, b.pilots), f"{b.evaluated} of {b.pilots}")
                for b in boroughs
            ],
            maximum=100,
        ),
        "kpis": bar_chart(
            "Average KPI progress to target, by borough (hatched: target met on average)",
            [
                Bar(
                    b.name,
                    float(b.kpi_progress or 0),
                    _progress_text(b),
                    marked=(b.kpi_progress or 0) >= 100,
                )
                for b in boroughs
            ],
            maximum=100,
        ),
        "attendance": bar_chart(
            "Sessions attended, by borough",
            [
                Bar(b.name, sum(b.attended.values()), f"{sum(b.attended.values())} of {held}")
                for b in boroughs
            ],
            maximum=held,
        ),
    }


def _pct(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0


def _progress_text(b: BoroughRow) -> str:
    if b.kpi_progress is None:
        return "no readings"
    return f"{b.progress_shown}% ({b.kpis_met} of {b.kpis} KPIs met)"
