"""Server-rendered bar charts (SVG) for the admin dashboard.

Every bar carries its value as text and a bar that meets its mark is hatched as well as
coloured, so nothing is read from colour alone. Each chart is shown with a table too.
"""

from dataclasses import dataclass

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
