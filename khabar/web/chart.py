"""The geometry of the trends chart, drawn server-side as SVG by templates/trends.html.

Time runs from right to left, as Arabic is read: the oldest period is at the right edge and the
newest at the left, next to where the eye ends a line. The count axis stands on the right, by
the start of time. Only numbers and links leave this module; the template writes the SVG, so
every label goes through Jinja's escaping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 56, 16, 40  # margins; the count axis is in the right one
MAX_LINES = 6  # series drawn; the table under the chart lists them all
COLOURS = ("#1f6f8b", "#c2571a", "#4c8c2b", "#8e3b8e", "#b8860b", "#555555")
X_LABELS = 6


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    href: str
    label: str  # the tooltip


@dataclass(frozen=True, slots=True)
class Line:
    key: str
    metric: str  # articles | stories
    colour: str
    dashed: bool
    points: str  # "x,y x,y ..." for <polyline>
    dots: tuple[Dot, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom of the plot area
    lines: tuple[Line, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]


def draw(periods: list[str], series: list[dict[str, Any]], link: Callable[[str, str], str]) -> Chart | None:
    """The chart of the series (JSON form) over `periods`; `link(key, date)` is the URL of a point.

    Lines run through every period (zero where a series has no point); dots, each a link to
    its articles, mark the periods with articles. With one series, its articles and its stories
    are drawn (stories dashed); with several, the articles of the largest MAX_LINES.
    """
    drawn = series[:MAX_LINES]
    if not drawn or not periods:
        return None
    metrics = ("articles", "stories") if len(drawn) == 1 else ("articles",)
    top_value = max((p[m] for s in drawn for p in s["points"] for m in metrics), default=0)
    scale = _nice_top(top_value)
    left, top, right, bottom = LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM
    step = (right - left) / max(len(periods) - 1, 1)
    index = {day: i for i, day in enumerate(periods)}

    def x_of(i: int) -> float:  # right to left: the first (oldest) period at the right
        return round(right - i * step if len(periods) > 1 else (left + right) / 2, 1)

    def y_of(value: int) -> float:
        return round(bottom - (value / scale) * (bottom - top), 1)

    lines = []
    for number, one in enumerate(drawn):
        colour = COLOURS[number % len(COLOURS)]
        for metric in metrics:
            values = [0] * len(periods)
            for p in one["points"]:
                values[index[p["date"]]] = p[metric]
            dots = tuple(Dot(x_of(index[p["date"]]), y_of(p[metric]), link(one["key"], p["date"]),
                             f"{p['date']}: {p['articles']} مقالة، {p['stories']} قصة")
                         for p in one["points"])
            lines.append(Line(one["key"], metric, colour, metric == "stories",
                              " ".join(f"{x_of(i)},{y_of(v)}" for i, v in enumerate(values)), dots))
    y_ticks = tuple(Tick(y_of(round(scale * k / 4)), str(round(scale * k / 4))) for k in range(5))
    every = max(1, round(len(periods) / X_LABELS))
    x_ticks = tuple(Tick(x_of(i), d) for i, d in enumerate(periods) if i % every == 0 or i == len(periods) - 1)
    return Chart(WIDTH, HEIGHT, (left, top, right, bottom), tuple(lines), y_ticks, x_ticks)


def _nice_top(value: int) -> int:
    """A round top for the count axis, at least `value` and divisible by 4."""
    if value <= 4:
        return 4
    magnitude = 10 ** (len(str(value)) - 1)
    for factor in (1, 2, 2.5, 4, 5, 8, 10):
        top = int(factor * magnitude)
        if top >= value and top % 4 == 0:
            return top
    return -(-value // 4) * 4
