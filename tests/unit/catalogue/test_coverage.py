"""The coverage report's parts that need no database: shares, the chart's geometry, the CSV
text, who may see the report."""

import csv
import io

from django.contrib.auth.models import AnonymousUser

from shop.models import User
from shop.reports.charts import BAR_MAX_WIDTH
from shop.reports.charts import ROW_HEIGHT
from shop.reports.charts import VALUE_GAP
from shop.reports.charts import bar_chart
from shop.reports.exports import CSV_HEADERS
from shop.reports.exports import coverage_csv
from shop.reports.selectors import DienstColumn
from shop.reports.selectors import DienstCoverage
from shop.reports.selectors import DienstCoverageReport
from shop.reports.selectors import KreisCoverage
from shop.reports.selectors import KreisCoverageReport
from shop.reports.selectors import Share
from shop.reports.selectors import reports_visible_to


def test_share_gives_the_percentage_and_none_when_there_is_nothing_to_count():
    assert Share(1, 8).percent == 12.5
    assert Share(0, 8).percent == 0
    assert Share(0, 0).percent is None
    assert round(Share(2, 3).percent, 1) == 66.7


def test_bar_chart_puts_one_row_per_item_with_bars_proportional_to_the_share():
    chart = bar_chart(
        items=[("Kreis A", Share(1, 2)), ("Kreis B", Share(0, 3)), ("Kreis C", Share(0, 0))]
    )

    assert chart.height == 3 * ROW_HEIGHT
    assert [bar.label for bar in chart.bars] == ["Kreis A", "Kreis B", "Kreis C"]
    assert [bar.width for bar in chart.bars] == [BAR_MAX_WIDTH / 2, 0, 0]
    assert [bar.bar_y for bar in chart.bars] == [
        chart.bars[0].bar_y + index * ROW_HEIGHT for index in range(3)
    ]
    assert all(bar.label_y < bar.bar_y < bar.value_y for bar in chart.bars)
    assert {bar.value_x for bar in chart.bars} == {BAR_MAX_WIDTH + VALUE_GAP}


def test_bar_chart_without_items_keeps_a_height():
    assert bar_chart(items=[]).height == ROW_HEIGHT


def coverage(title: str, *, orderable: bool = True, live: int = 1) -> DienstCoverage:
    return DienstCoverage(
        dienst_id=1,
        title=title,
        url="",
        is_orderable=orderable,
        ordered=Share(2, 3),
        live=Share(live, 3),
        gemeinden=Share(0, 0),
        population=Share(1234, 5678),
    )


def test_coverage_csv_is_semicolon_separated_utf8_with_bom_and_decimal_commas():
    report = DienstCoverageReport(
        verwaltungen=3,
        gemeinden=0,
        population=5678,
        rows=[coverage("Wohngeld"), coverage("+Formel", orderable=False, live=0)],
    )

    text = coverage_csv(report=report)

    assert text.startswith("\ufeffDienst;")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert tuple(rows[0]) == CSV_HEADERS
    assert rows[1] == [
        "Wohngeld", "ja", "2", "66,7", "1", "33,3", "3",
        "0", "", "0", "1234", "21,7", "5678",
    ]  # fmt: skip
    assert rows[2][:2] == ["'+Formel", "nein"]
    assert rows[2][5] == "0,0"


def test_only_staff_with_the_permission_and_superusers_may_see_reports():
    assert not reports_visible_to(user=AnonymousUser())
    assert not reports_visible_to(user=User(email="a@kommune.example", is_active=True))
    assert reports_visible_to(user=User(email="b@land.example", is_active=True, is_superuser=True))
    assert not reports_visible_to(
        user=User(email="c@land.example", is_active=False, is_superuser=True, is_staff=True)
    )


def test_kreis_report_turned_round_gives_per_service_one_share_per_kreis():
    report = KreisCoverageReport(
        dienste=[DienstColumn(1, "Wohngeld"), DienstColumn(2, "Kfz")],
        kreise=[
            KreisCoverage(1, "Kreis A", "Kreis", Share(1, 4), [Share(1, 4), Share(0, 4)]),
            KreisCoverage(
                2, "Stadt B", "Kreisfreie Stadt", Share(1, 1), [Share(0, 1), Share(1, 1)]
            ),
        ],
    )

    assert report.dienst_rows == [
        (DienstColumn(1, "Wohngeld"), [Share(1, 4), Share(0, 1)]),
        (DienstColumn(2, "Kfz"), [Share(0, 4), Share(1, 1)]),
    ]
