"""A KPI's series as a server-rendered SVG line chart (no script). Masked values are gaps:
nothing is drawn for them, and the scale never depends on them."""

from dataclasses import dataclass
from decimal import Decimal

from pilots.models import KPI
from toolkit.progress import Point

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 96, 16, 40


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Line:
    y: float
    label: str


@dataclass(frozen=True)
class LineChart:
    title: str
    description: str
    segments: list[str]  # SVG points attributes, one per unbroken run of readings
    dots: list[Dot]
    targets: list[Dot]  # the trajectory: a period's own target
    target: Line | None
    baseline: Line | None
    ticks: list[Line]
    periods: list[Dot]  # x-axis labels
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM


def kpi_chart(kpi: KPI, points: list[Point], baseline: Decimal | None) -> LineChart:
    """Lay out `points` (`toolkit.progress.pilot_series`); `baseline` is None when it is
    masked or not set."""
    shown = [p for p in points if p.value is not None]
    own_targets = [p for p in points if p.target is not None and p.target != kpi.target]
    scale = [p.value for p in shown] + [p.target for p in own_targets]
    scale += [v for v in (kpi.target, baseline) if v is not None]
    top = float(max(scale, default=0)) * 1.1 or 1.0
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / max(len(points) - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + (i * step if len(points) > 1 else inner_w / 2), 1)

    def y(value: Decimal | float) -> float:
        return round(TOP + inner_h * (1 - float(value) / top), 1)

    segments, run, dots, targets = [], [], [], []
    for i, point in enumerate(points):
        if point.target is not None and point.target != kpi.target:
            targets.append(Dot(x(i), y(point.target), KPI.figure_shown(point.target)))
        if point.value is None:
            segments.append(run)
            run = []
            continue
        run.append(f"{x(i)},{y(point.value)}")
        dots.append(Dot(x(i), y(point.value), KPI.figure_shown(point.value)))
    segments.append(run)
    every = max(1, len(points) // 6)  # at most about seven period labels
    periods = [
        Dot(x(i), HEIGHT - BOTTOM + 18, f"{p.period_start:%b %Y}")
        for i, p in enumerate(points)
        if i % every == 0 or i == len(points) - 1
    ]
    ticks = [Line(y(top * share), KPI.figure_shown(Decimal(str(round(top * share, 2)))))
             for share in (0, 0.5, 1)]  # fmt: skip
    return LineChart(
        title=f"{kpi.name}: readings over time",
        description=_description(kpi, points, shown, baseline),
        segments=[" ".join(r) for r in segments if r],
        dots=dots,
        targets=targets,
        target=Line(y(kpi.target), f"Target {KPI.figure_shown(kpi.target)}")
        if kpi.target is not None
        else None,
        baseline=Line(y(baseline), f"Baseline {KPI.figure_shown(baseline)}")
        if baseline is not None
        else None,
        ticks=ticks,
        periods=periods,
    )


def _description(kpi: KPI, points: list[Point], shown: list[Point], baseline) -> str:
    if not points:
        return "No published readings yet."
    words = [
        f"{len(points)} readings from {points[0].period_start:%B %Y} to "
        f"{points[-1].period_start:%B %Y}."
    ]
    last = points[-1]
    if last.value is not None:
        status = f", {last.status.label.lower()}" if last.status else ""
        words.append(f"Latest {KPI.figure_shown(last.value)}{status}.")
    if kpi.target is not None:
        words.append(f"Target {KPI.figure_shown(kpi.target)}.")
    if baseline is not None:
        words.append(f"Baseline {KPI.figure_shown(baseline)}.")
    if hidden := len(points) - len(shown):
        words.append(f"{hidden} small counts are not shown.")
    words.append("The table that follows gives every figure.")
    return " ".join(words)
