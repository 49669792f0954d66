"""The map of live services (shop.reports.charts): projection, colour steps, the table per Kreis;
no database."""

import math

import pytest

from shop.reports.charts import MAP_PADDING
from shop.reports.charts import MAP_STEPS
from shop.reports.charts import MAP_WIDTH
from shop.reports.charts import POINT_STROKE
from shop.reports.charts import gemeinde_map
from shop.reports.charts import map_step_index
from shop.reports.charts import project
from shop.reports.selectors import GemeindeLive
from shop.reports.selectors import Share


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_projection_keeps_north_up_west_left_and_fits_the_width():
    # Sylt (north-west), Lübeck (south-east), Kiel in between.
    points, height = project(coordinates=[(54.9, 8.3), (53.87, 10.69), (54.32, 10.13)])

    (sylt_x, sylt_y), (luebeck_x, luebeck_y), (kiel_x, kiel_y) = points
    assert sylt_x == MAP_PADDING and luebeck_x == MAP_WIDTH - MAP_PADDING
    assert sylt_y == MAP_PADDING and luebeck_y == pytest.approx(height - MAP_PADDING, abs=0.1)
    assert sylt_x < kiel_x < luebeck_x and sylt_y < kiel_y < luebeck_y


def test_projection_shortens_longitudes_by_the_cosine_of_the_mean_latitude():
    # One degree east and one degree north at 60°: the map is twice as high as wide.
    points, height = project(coordinates=[(59.5, 10.0), (60.5, 11.0)])

    factor = math.cos(math.radians(60))
    inner = MAP_WIDTH - 2 * MAP_PADDING
    assert points[1][0] - points[0][0] == pytest.approx(inner * factor, abs=0.2)
    assert height == pytest.approx(inner + 2 * MAP_PADDING, abs=0.2)


def test_projection_of_one_point_and_of_none():
    assert project(coordinates=[]) == ([], 2 * MAP_PADDING)
    points, height = project(coordinates=[(54.3, 10.1)])
    assert height == MAP_WIDTH / 2
    assert points == [(MAP_PADDING, height / 2)]


@pytest.mark.parametrize(
    ("count", "total", "step"),
    [(0, 0, 0), (0, 5, 0), (1, 5, 1), (1, 4, 2), (2, 5, 2), (1, 2, 3), (3, 4, 4), (5, 5, 4)],
)
def test_colour_steps_by_quarters(count, total, step):
    assert map_step_index(share=Share(count, total)) == step


def test_every_point_is_outlined_with_enough_contrast_and_the_steps_are_named():
    assert contrast(POINT_STROKE, "#ffffff") >= 3
    assert len({step.fill for step in MAP_STEPS}) == len(MAP_STEPS)
    assert all(step.label.endswith("live") for step in MAP_STEPS)


def gemeinde(name, kreis, count, total=2, latitude=54.0, longitude=10.0):
    return GemeindeLive(
        name=name,
        kreis_name=kreis,
        latitude=latitude,
        longitude=longitude,
        live=Share(count, total),
    )


def test_map_draws_gemeinden_with_coordinates_and_counts_all_per_kreis():
    chart = gemeinde_map(
        gemeinden=[
            gemeinde("Aue", "Kreis Nordfeld", 2, longitude=9.0),
            gemeinde("Birkenau", "Kreis Nordfeld", 0, latitude=None, longitude=None),
            gemeinde("Hafenberg", "Stadt Hafenberg", 1, latitude=54.5),
        ]
    )

    assert [point.name for point in chart.points] == ["Aue", "Hafenberg"]
    assert [point.fill for point in chart.points] == [MAP_STEPS[4].fill, MAP_STEPS[3].fill]
    assert [(k.name, k.gemeinden, k.per_step) for k in chart.kreise] == [
        ("Kreis Nordfeld", 2, [1, 0, 0, 0, 1]),
        ("Stadt Hafenberg", 1, [0, 0, 0, 1, 0]),
    ]
    assert (chart.dienste, chart.without_coordinates) == (2, 1)
