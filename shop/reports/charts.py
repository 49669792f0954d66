"""The geometry of the report's bar chart, computed here so that the template only draws it
(server-rendered SVG, no JavaScript). The numbers themselves are written by the template."""

from collections.abc import Sequence
from dataclasses import dataclass

from .selectors import KreisCoverageReport, Share

CHART_WIDTH = 480
BAR_MAX_WIDTH = 380
FONT_SIZE = 16
ROW_HEIGHT = 56
BAR_HEIGHT = 20
LABEL_BASELINE = 18  # from the top of a row: the name above its bar
BAR_TOP = 26
VALUE_GAP = 10  # the value stands right of the full-length track, so no bar can cover it


@dataclass(frozen=True)
class Bar:
    label: str
    share: Share
    label_y: int
    bar_y: int
    width: float
    value_x: float
    value_y: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_max_width: int
    bar_height: int
    font_size: int
    bars: list[Bar]


def bar_chart(*, items: Sequence[tuple[str, Share]]) -> BarChart:
    """Horizontal bars, one row per item: its label above an outlined track of `BAR_MAX_WIDTH`
    filled as far as its percentage (not at all for 0 % or nothing to count), the value right
    of the track."""
    bars = []
    for index, (label, share) in enumerate(items):
        top = index * ROW_HEIGHT
        width = round(BAR_MAX_WIDTH * (share.percent or 0) / 100, 1)
        bars.append(
            Bar(
                label=label,
                share=share,
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                width=width,
                value_x=BAR_MAX_WIDTH + VALUE_GAP,
                value_y=top + BAR_TOP + BAR_HEIGHT - 5,
            )
        )
    return BarChart(
        width=CHART_WIDTH,
        height=max(len(bars) * ROW_HEIGHT, ROW_HEIGHT),
        bar_max_width=BAR_MAX_WIDTH,
        bar_height=BAR_HEIGHT,
        font_size=FONT_SIZE,
        bars=bars,
    )


def kreis_live_chart(*, report: KreisCoverageReport) -> BarChart:
    """Per Kreis: the share of its Verwaltungen with at least one service live."""
    return bar_chart(items=[(kreis.name, kreis.with_live_service) for kreis in report.kreise])
