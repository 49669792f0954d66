"""The geometry of the report's bar chart and of the map of live services, computed here so that
the template only draws them (server-rendered SVG, no JavaScript). The numbers themselves are
written by the template."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .selectors import GemeindeLive, KreisCoverageReport, Share

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


MAP_WIDTH = 600
MAP_PADDING = 8
POINT_RADIUS = 3.5
# Every point is outlined in this colour (11.6:1 on white, WCAG 2.1 1.4.11 asks 3:1); the fill
# tells the step, the legend names it in words and the table gives the same counts.
POINT_STROKE = "#1b1b1b"


@dataclass(frozen=True)
class MapStep:
    label: str
    fill: str
    below_percent: float | None  # the step holds shares under this; None: the last step


MAP_STEPS = [
    MapStep(label="kein Dienst live", fill="#ffffff", below_percent=None),
    MapStep(label="unter 25 % live", fill="#c6dbef", below_percent=25),
    MapStep(label="25 bis unter 50 % live", fill="#6baed6", below_percent=50),
    MapStep(label="50 bis unter 75 % live", fill="#2171b5", below_percent=75),
    MapStep(label="75 bis 100 % live", fill="#08306b", below_percent=None),
]


def map_step_index(*, share: Share) -> int:
    """The step of MAP_STEPS for a share: the first when nothing is live (or nothing selected),
    then by quarters."""
    if not share.count or share.percent is None:
        return 0
    for index, step in enumerate(MAP_STEPS[1:], start=1):
        if step.below_percent is None or share.percent < step.below_percent:
            return index
    return len(MAP_STEPS) - 1


def project(
    *, coordinates: Sequence[tuple[float, float]], width: float = MAP_WIDTH
) -> tuple[list[tuple[float, float]], float]:
    """(latitude, longitude) pairs as (x, y) in a viewBox `width` wide, and its height:
    equirectangular, longitudes shortened by the cosine of the mean latitude, north up, the
    extent fitted inside MAP_PADDING on each side with the aspect ratio kept."""
    if not coordinates:
        return [], 2 * MAP_PADDING
    latitudes = [latitude for latitude, _ in coordinates]
    longitudes = [longitude for _, longitude in coordinates]
    factor = math.cos(math.radians(sum(latitudes) / len(latitudes)))
    west, north = min(longitudes) * factor, max(latitudes)
    extent_x = max(longitudes) * factor - west
    extent_y = north - min(latitudes)
    inner = width - 2 * MAP_PADDING
    scale = inner / max(extent_x, extent_y, 1e-9)
    # A single point or a line stands in the middle of the side that has no extent.
    offset_x = MAP_PADDING + (inner - extent_x * scale) / 2 if extent_x < extent_y else MAP_PADDING
    height = extent_y * scale + 2 * MAP_PADDING if extent_y else width / 2
    offset_y = MAP_PADDING if extent_y else height / 2
    points = [
        (
            round(offset_x + (longitude * factor - west) * scale, 1),
            round(offset_y + (north - latitude) * scale, 1),
        )
        for latitude, longitude in coordinates
    ]
    return points, round(height, 1)


@dataclass(frozen=True)
class MapPoint:
    name: str
    x: float
    y: float
    fill: str
    share: Share


@dataclass(frozen=True)
class KreisSteps:
    """One Kreis of the map's table: its Gemeinden counted per step of MAP_STEPS."""

    name: str
    gemeinden: int
    per_step: list[int]


@dataclass(frozen=True)
class GemeindeMap:
    width: int
    height: float
    radius: float
    stroke: str
    points: list[MapPoint]
    steps: list[MapStep]
    kreise: list[KreisSteps]
    dienste: int  # how many services are selected
    without_coordinates: int  # Gemeinden in the table but not on the map


def gemeinde_map(*, gemeinden: Sequence[GemeindeLive]) -> GemeindeMap:
    """One point per Gemeinde with coordinates, filled by its step; per Kreis (in the order of
    `gemeinden`) its Gemeinden counted per step, those without coordinates included."""
    placed = [g for g in gemeinden if g.latitude is not None and g.longitude is not None]
    positions, height = project(coordinates=[(g.latitude, g.longitude) for g in placed])
    points = [
        MapPoint(
            name=g.name, x=x, y=y, fill=MAP_STEPS[map_step_index(share=g.live)].fill, share=g.live
        )
        for g, (x, y) in zip(placed, positions, strict=True)
    ]
    per_kreis: dict[str, list[int]] = {}
    for g in gemeinden:
        per_kreis.setdefault(g.kreis_name, [0] * len(MAP_STEPS))[map_step_index(share=g.live)] += 1
    return GemeindeMap(
        width=MAP_WIDTH,
        height=height,
        radius=POINT_RADIUS,
        stroke=POINT_STROKE,
        points=points,
        steps=MAP_STEPS,
        kreise=[
            KreisSteps(name=name, gemeinden=sum(counts), per_step=counts)
            for name, counts in per_kreis.items()
        ],
        dienste=gemeinden[0].live.total if gemeinden else 0,
        without_coordinates=len(gemeinden) - len(placed),
    )
