"""The coverage report (/umsetzung/berichte/abdeckung/ and its CSV) and the home page's public
figures, on a known dataset:

Kreis Nordfeld (Kreis)            itself + Amt Aue (3 Gemeinden: 1.000, 2.000, 3.000 inhabitants
                                  and a retired one), Amt Birkenau (2: 500, 1.500), Stadt Cellin
                                  (amtsfrei, 1: 10.000)  -> 4 bodies, 6 Gemeinden, 18.000
Stadt Hafenberg (kreisfrei)       itself, 1 Gemeinde: 50.000      -> 1 body, 1 Gemeinde, 50.000
Kreis Südmoor (Kreis)             itself + Amt Deich (4 x 250), Amt Eiche (2 x 1.000), and the
                                  retired Amt Alt with a retired Gemeinde and a live order
                                                                  -> 3 bodies, 6 Gemeinden, 3.000
Land: 8 active Verwaltungen, 13 active Gemeinden, 71.000 inhabitants.

Orders (one service each):
  Wohngeld:       Amt Aue live (3 Gemeinden), Amt Birkenau in Umsetzung (1), Stadt Cellin
                  rejected, Stadt Hafenberg live, Amt Deich im Test, Kreis Südmoor for itself
                  live (all 6 of its Gemeinden), retired Amt Alt live
  Kfz-Abmeldung:  Kreis Nordfeld for itself live (all 6), Amt Aue live (2 of them again),
                  Amt Eiche cancelled
  Alter Dienst:   Amt Deich live (4), unpublished since
  Meldebescheinigung and In Vorbereitung (published, in preparation): not ordered;
  Entwurf (unpublished, never ordered): not in the report.
"""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db import transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure
from shop.generations import COVERAGE_REPORT
from shop.generations import generation_bump
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import OrderedService
from shop.models import RolloutStatus
from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.orders.rollout import lines_status_change
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from shop.registry.gemeindeverzeichnis import parse_gemeindeverzeichnis
from shop.registry.services import registry_import_gemeindeverzeichnis
from shop.reports.exports import CSV_HEADERS
from shop.reports.selectors import coverage_by_dienst
from shop.reports.selectors import coverage_by_kreis
from shop.reports.selectors import public_figures
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_in_status
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_report_cache():
    """Each test's database starts over, the in-process cache does not: a new version."""
    generation_bump(name=COVERAGE_REPORT)


REPORT = "/umsetzung/berichte/abdeckung/"
REPORT_CSV = "/umsetzung/berichte/abdeckung.csv"


def amt_create(kreis, name: str, populations: list[int]) -> Verwaltung:
    amt = VerwaltungFactory(kreis=kreis, name=name)
    for population in populations:
        GemeindeFactory(verwaltung=amt, population=population)
    return amt


@pytest.fixture(scope="module")
def land(django_db_setup, django_db_blocker):
    """The known dataset of the module's docstring, built once for the module: each test runs
    in a savepoint of its transaction, which is rolled back after the last."""
    with django_db_blocker.unblock(), transaction.atomic():
        land_build()
        yield
        transaction.set_rollback(True)


def land_build() -> None:
    terms_of_use_publish()
    nordfeld = KreisFactory(name="Kreis Nordfeld")
    aue = amt_create(nordfeld, "Amt Aue", [1000, 2000, 3000])
    GemeindeFactory(verwaltung=aue, population=7777, active=False)
    birkenau = amt_create(nordfeld, "Amt Birkenau", [500, 1500])
    cellin = VerwaltungFactory(
        kreis=nordfeld, kind=VerwaltungKind.AMTSFREIE_GEMEINDE, name="Stadt Cellin"
    )
    GemeindeFactory(verwaltung=cellin, population=10000, kind=Gemeinde.Kind.STADT)
    hafenberg = KreisFactory(kind=VerwaltungKind.KREISFREIE_STADT, name="Stadt Hafenberg")
    GemeindeFactory(verwaltung=hafenberg, population=50000, kind=Gemeinde.Kind.KREISFREIE_STADT)
    suedmoor = KreisFactory(name="Kreis Südmoor")
    deich = amt_create(suedmoor, "Amt Deich", [250, 250, 250, 250])
    eiche = amt_create(suedmoor, "Amt Eiche", [1000, 1000])
    alt = amt_create(suedmoor, "Amt Alt", [9999])

    wohngeld = dienst_create(title="Wohngeld")
    kfz = dienst_create(title="Kfz-Abmeldung")
    alter_dienst = dienst_create(title="Alter Dienst")
    dienst_create(title="Meldebescheinigung")
    dienst_create(title="In Vorbereitung", availability=Dienst.Availability.IN_PREPARATION)
    entwurf = dienst_create(title="Entwurf")
    Dienst.objects.filter(pk=entwurf.pk).update(is_published=False)

    order_in_status(aue, wohngeld, RolloutStatus.LIVE)
    birkenau_gemeinde = birkenau.gemeinden.get(population=500)
    order_in_status(birkenau, wohngeld, RolloutStatus.IN_PROGRESS, gemeinden=[birkenau_gemeinde])
    order_in_status(cellin, wohngeld, RolloutStatus.REJECTED)
    order_in_status(hafenberg, wohngeld, RolloutStatus.LIVE)
    order_in_status(deich, wohngeld, RolloutStatus.IN_TEST)
    order_in_status(suedmoor, wohngeld, RolloutStatus.LIVE)
    order_in_status(alt, wohngeld, RolloutStatus.LIVE)
    order_in_status(nordfeld, kfz, RolloutStatus.LIVE)
    order_in_status(
        aue, kfz, RolloutStatus.LIVE, gemeinden=list(aue.gemeinden.filter(population__lte=2000))
    )
    order_in_status(eiche, kfz, RolloutStatus.CANCELLED)
    order_in_status(deich, alter_dienst, RolloutStatus.LIVE)
    Dienst.objects.filter(pk=alter_dienst.pk).update(is_published=False)
    # Amt Alt was merged away after its order went live.
    Verwaltung.objects.filter(pk=alt.pk).update(active=False)
    Gemeinde.objects.filter(verwaltung=alt).update(active=False)


EXPECTED_BY_DIENST = {
    # title: (ordered, live, Gemeinden covered, inhabitants covered); of 8 / 8 / 13 / 71.000
    "Alter Dienst": (1, 1, 4, 1000),
    "In Vorbereitung": (0, 0, 0, 0),
    "Kfz-Abmeldung": (2, 2, 6, 18000),
    "Meldebescheinigung": (0, 0, 0, 0),
    "Wohngeld": (5, 3, 10, 59000),
}


def test_coverage_by_dienst_counts_verwaltungen_gemeinden_and_inhabitants(land):
    report = coverage_by_dienst()

    assert (report.verwaltungen, report.gemeinden, report.population) == (8, 13, 71000)
    assert {
        row.title: (row.ordered.count, row.live.count, row.gemeinden.count, row.population.count)
        for row in report.rows
    } == EXPECTED_BY_DIENST
    assert [row.title for row in report.rows] == list(EXPECTED_BY_DIENST)  # by title
    wohngeld = next(row for row in report.rows if row.title == "Wohngeld")
    assert (wohngeld.ordered.total, wohngeld.gemeinden.total, wohngeld.population.total) == (
        8,
        13,
        71000,
    )
    assert wohngeld.ordered.percent == 62.5
    assert wohngeld.live.percent == 37.5
    assert round(wohngeld.gemeinden.percent, 1) == 76.9
    assert round(wohngeld.population.percent, 1) == 83.1
    assert {row.title: row.is_orderable for row in report.rows} == {
        "Alter Dienst": False,
        "In Vorbereitung": False,
        "Kfz-Abmeldung": True,
        "Meldebescheinigung": True,
        "Wohngeld": True,
    }


def test_a_kreis_ordering_for_itself_covers_each_of_its_gemeinden_once(land):
    kfz = next(row for row in coverage_by_dienst().rows if row.title == "Kfz-Abmeldung")

    # Kreis Nordfeld's own order covers its 6 Gemeinden; Amt Aue's 2 are among them.
    assert (kfz.gemeinden.count, kfz.population.count) == (6, 18000)
    assert round(kfz.gemeinden.percent, 1) == 46.2
    assert round(kfz.population.percent, 1) == 25.4


def test_coverage_by_kreis_gives_the_share_of_bodies_with_services_live(land):
    report = coverage_by_kreis()

    assert [column.title for column in report.dienste] == list(EXPECTED_BY_DIENST)
    assert [(k.name, k.kind_label) for k in report.kreise] == [
        ("Kreis Nordfeld", "Kreis"),
        ("Kreis Südmoor", "Kreis"),
        ("Stadt Hafenberg", "Kreisfreie Stadt"),
    ]
    shares = {
        kreis.name: (
            (kreis.with_live_service.count, kreis.with_live_service.total),
            [(share.count, share.total) for share in kreis.per_dienst],
        )
        for kreis in report.kreise
    }
    # Columns: Alter Dienst, In Vorbereitung, Kfz-Abmeldung, Meldebescheinigung, Wohngeld.
    assert shares == {
        "Kreis Nordfeld": ((2, 4), [(0, 4), (0, 4), (2, 4), (0, 4), (1, 4)]),
        "Kreis Südmoor": ((2, 3), [(1, 3), (0, 3), (0, 3), (0, 3), (1, 3)]),
        "Stadt Hafenberg": ((1, 1), [(0, 1), (0, 1), (0, 1), (0, 1), (1, 1)]),
    }
    assert round(report.kreise[1].with_live_service.percent, 1) == 66.7


def test_public_figures_of_the_known_dataset(land):
    # Offered: Wohngeld, Kfz-Abmeldung, Meldebescheinigung. Connected: the 8 active bodies (each
    # has an approved member). Live: 6 (Amt Alt's is left out, the body is retired).
    assert public_figures() == {
        "services_offered": 3,
        "verwaltungen_connected": 8,
        "services_live": 6,
    }


def test_home_page_shows_the_public_figures(client, page_tree, land):
    response = client.get("/")

    html = response.content.decode()
    assert response.context["public_figures"] == public_figures()
    section = html[html.index('id="umsetzung"') :]
    figures = re.findall(
        r'<dt class="kern-body">([^<]+)</dt>\s*<dd class="kern-heading-x-large">([^<]+)</dd>',
        section,
    )
    assert figures == [
        ("Online-Dienste bestellbar", "3"),
        ("Verwaltungen angebunden", "8"),
        ("Dienste live in Verwaltungen", "6"),
    ]


# The report's pages


@pytest.fixture
def people(db):
    staff_groups_ensure()
    editor = staff_create(group=EDITORS_GROUP, is_staff=True)
    fulfilment = staff_create(group=FULFILMENT_GROUP, is_staff=True)
    fulfilment_without_staff_flag = staff_create(group=FULFILMENT_GROUP)
    return {
        "municipal": member_create(verwaltung=VerwaltungFactory()),
        "editor": editor,
        "fulfilment": fulfilment,
        "fulfilment_without_staff_flag": fulfilment_without_staff_flag,
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }


def test_urls_of_the_report():
    assert reverse("shop_reports:coverage") == REPORT
    assert reverse("shop_reports:coverage_csv") == REPORT_CSV


@pytest.mark.parametrize("path", [REPORT, REPORT_CSV])
def test_anonymous_people_are_sent_to_the_login(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('customer:login')}?next={path}"


@pytest.mark.parametrize("path", [REPORT, REPORT_CSV])
@pytest.mark.parametrize(
    ("person", "allowed"),
    [
        ("municipal", False),
        ("editor", False),
        ("fulfilment_without_staff_flag", False),
        ("fulfilment", True),
        ("superuser", True),
    ],
)
def test_only_fulfilment_staff_and_superusers_see_the_report(client, people, path, person, allowed):
    client.force_login(people[person])

    response = client.get(path)

    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        html = response.content.decode()
        assert "Kein Zugriff" in html
        assert '<html lang="de"' in html


def test_the_fulfilment_group_has_the_permission_to_see_the_coverage():
    staff_groups_ensure()

    assert (
        Group.objects.get(name=FULFILMENT_GROUP)
        .permissions.filter(content_type__app_label="shop", codename="view_servicecoverage")
        .exists()
    )
    assert (
        not Group.objects.get(name=EDITORS_GROUP)
        .permissions.filter(codename="view_servicecoverage")
        .exists()
    )


def test_the_report_is_answered_only_to_get(client, people):
    client.force_login(people["fulfilment"])

    assert client.post(REPORT).status_code == 405


def row_html(html: str, title: str) -> str:
    start = html.index(f'scope="row">{title}')
    return html[start : html.index("</tr>", start)]


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_the_report_stays_in_the_dashboard_layout(client, people, land):
    client.force_login(people["fulfilment"])

    html = client.get(REPORT).content.decode()

    assert 'id="bottom_nav_bar"' in html  # the dashboard's menu
    assert 'aria-current="page">Abdeckung im Land</li>' in html
    for public_part in ("Warenkorb", "Meine Dienste"):
        assert public_part not in html


def test_the_report_shows_the_figures_in_german_format(client, people, land):
    client.force_login(people["fulfilment"])

    response = client.get(REPORT)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "Abdeckung der Dienste" in html.split("<h1>")[1].split("</h1>")[0]
    # The people fixture adds one Verwaltung (the municipal member's) and its Kreis: 10 active.
    assert "10 Verwaltungen, 13 Gemeinden mit 71.000 Einwohnerinnen und Einwohnern" in html
    assert cells(row_html(html, "Wohngeld")) == [
        "5 von 10<br>(50,0&nbsp;%)",
        "3 von 10<br>(30,0&nbsp;%)",
        "10 von 13<br>(76,9&nbsp;%)",
        "59.000 von 71.000<br>(83,1&nbsp;%)",
    ]
    assert cells(row_html(html, "Kfz-Abmeldung")) == [
        "2 von 10<br>(20,0&nbsp;%)",
        "2 von 10<br>(20,0&nbsp;%)",
        "6 von 13<br>(46,2&nbsp;%)",
        "18.000 von 71.000<br>(25,4&nbsp;%)",
    ]
    assert 'Alter Dienst <span class="small">(derzeit nicht bestellbar)</span>' in html
    assert "Entwurf" not in html
    assert f'href="{REPORT_CSV}"' in html


def test_the_report_draws_the_chart_as_svg_and_repeats_it_as_a_table(client, people, land):
    client.force_login(people["superuser"])

    html = client.get(REPORT).content.decode()

    assert "<script" not in html.split('class="page-content"')[1].split("<!-- /container -->")[0]
    title_at = html.index('aria-labelledby="diagramm-titel')
    svg = html[html.rindex("<svg", 0, title_at) : html.index("</svg>", title_at)]
    assert 'role="img"' in svg
    assert 'aria-labelledby="diagramm-titel diagramm-beschreibung"' in svg
    assert '<title id="diagramm-titel">' in svg
    assert '<desc id="diagramm-beschreibung">' in svg
    # The people fixture's Kreis (its one Amt without services) is the fourth bar; full bars
    # are 380 units wide and the geometry is not localised.
    assert svg.count('fill="#0b2a63"') == 3
    assert 'width="190.0"' in svg  # Kreis Nordfeld: 50 %
    assert 'width="253.3"' in svg  # Kreis Südmoor: 66,7 %
    assert 'width="380.0"' in svg  # Stadt Hafenberg: 100 %
    assert "66,7&nbsp;%" in svg
    table = html[html.index('id="tabelle-je-kreis"') :]
    table = table[: table.index("</table>")]
    assert '<caption class="coverage-caption" id="tabelle-je-kreis">' in html
    assert 'scope="col">Kreis oder kreisfreie Stadt</th>' in table
    assert cells(row_html(table, "Kreis Südmoor")) == ["3", "2", "66,7&nbsp;%"]
    assert cells(row_html(table, "Stadt Hafenberg")) == ["1", "1", "100,0&nbsp;%"]


def test_the_report_has_the_service_by_kreis_table(client, people, land):
    client.force_login(people["fulfilment"])

    html = client.get(REPORT).content.decode()

    table = html[html.index('id="tabelle-dienst-und-kreis"') :]
    table = table[: table.index("</table>")]
    headers = re.findall(r'scope="col">([^<]+)</th>', table)
    # The people fixture's Kreis ("Kreis Beispiel ...", two bodies) comes first by name.
    assert headers[0] == "Dienst"
    assert headers[2:] == ["Kreis Nordfeld", "Kreis Südmoor", "Stadt Hafenberg"]
    assert re.findall(r'scope="row">([^<]+)</th>', table) == list(EXPECTED_BY_DIENST)
    assert cells(row_html(table, "Kfz-Abmeldung")) == [
        "0,0&nbsp;%<br>0 von 2",
        "50,0&nbsp;%<br>2 von 4",
        "0,0&nbsp;%<br>0 von 3",
        "0,0&nbsp;%<br>0 von 1",
    ]
    assert cells(row_html(table, "Wohngeld"))[1:] == [
        "25,0&nbsp;%<br>1 von 4",
        "33,3&nbsp;%<br>1 von 3",
        "100,0&nbsp;%<br>1 von 1",
    ]


def test_the_csv_is_for_excel_with_german_headers_and_numbers(client, people, land):
    client.force_login(people["fulfilment"])

    response = client.get(REPORT_CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="abdeckung-dienste-')
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffDienst;Bestellbar;")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert tuple(rows[0]) == CSV_HEADERS
    assert rows[0][:3] == ["Dienst", "Bestellbar", "Verwaltungen mit Bestellung"]
    assert [row[0] for row in rows[1:]] == list(EXPECTED_BY_DIENST)
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Wohngeld"] == [
        "Wohngeld", "ja", "5", "50,0", "3", "30,0", "10",
        "10", "76,9", "13", "59000", "83,1", "71000",
    ]  # fmt: skip
    assert by_title["Alter Dienst"] == [
        "Alter Dienst", "nein", "1", "10,0", "1", "10,0", "10",
        "4", "30,8", "13", "1000", "1,4", "71000",
    ]  # fmt: skip
    assert response.content.count(b"\r\n") == 6


def test_a_title_that_looks_like_a_formula_is_defused_in_the_csv(client, people):
    dienst_create(title='=HYPERLINK("http://x")')
    client.force_login(people["fulfilment"])

    body = client.get(REPORT_CSV).content.decode("utf-8")

    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def add_kreis_with_orders(*, number: int) -> None:
    """Another Kreis with three Ämter of five Gemeinden and a new service ordered by each (one
    of them live), and one more service."""
    kreis = KreisFactory(name=f"Kreis Zusatz {number}")
    dienst = dienst_create(title=f"Zusatzdienst {number}")
    dienst_create(title=f"Weiterer Dienst {number}")
    for index in range(3):
        amt = amt_create(kreis, f"Amt Zusatz {number}-{index}", [100] * 5)
        order_in_status(amt, dienst, RolloutStatus.LIVE if index == 0 else RolloutStatus.RECEIVED)
    order_in_status(kreis, dienst, RolloutStatus.LIVE)


def report_queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as csv_queries:
        assert client.get(REPORT_CSV).status_code == 200
    return len(queries), len(csv_queries)


def computing_queries(client) -> tuple[int, int]:
    """The queries of the page and of the CSV, each computed afresh."""
    generation_bump(name=COVERAGE_REPORT)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    generation_bump(name=COVERAGE_REPORT)
    with CaptureQueriesContext(connection) as csv_queries:
        assert client.get(REPORT_CSV).status_code == 200
    return len(queries), len(csv_queries)


def test_the_report_costs_the_same_queries_for_small_and_large_data(client, people, land):
    client.force_login(people["fulfilment"])
    client.get(REPORT)  # warm up what a running server has cached

    small, small_computed = report_queries(client), computing_queries(client)
    for number in range(4):
        add_kreis_with_orders(number=number)
    client.get(REPORT)
    client.get(REPORT_CSV)
    large, large_computed = report_queries(client), computing_queries(client)

    assert (large, large_computed) == (small, small_computed)
    # From the cache, both: session, user, ATOMIC_REQUESTS' savepoint and its release (the
    # permissions come from the cache, too).
    assert small == (4, 4)
    # Computed, each adds the 4 queries for the services and the 4 for the Kreise (the figures
    # are computed once for page and CSV and stored for both); the page 1 for its map.
    assert small_computed == (13, 12)
    assert len(coverage_by_kreis().kreise) == 8  # the 4 added Kreise are in it


def csv_rows(client) -> dict[str, list[str]]:
    """The CSV's rows by the service's title."""
    body = client.get(REPORT_CSV).content.decode("utf-8").removeprefix("\ufeff")
    return {row[0]: row for row in list(csv.reader(io.StringIO(body), delimiter=";"))[1:]}


ORDERED, LIVE, VERWALTUNGEN = 2, 4, 6  # columns of the CSV


def test_the_report_shows_an_order_as_soon_as_it_is_placed(client, people, land):
    client.force_login(people["fulfilment"])
    birkenau = Verwaltung.objects.get(name="Amt Birkenau")
    member = member_create(verwaltung=birkenau)
    assert csv_rows(client)["Meldebescheinigung"][ORDERED] == "0"
    assert "<td" in client.get(REPORT).content.decode()  # the page is cached too

    meldebescheinigung = Dienst.objects.get(title="Meldebescheinigung")
    order_place(user=member, verwaltung=birkenau, dienste=[meldebescheinigung])

    assert csv_rows(client)["Meldebescheinigung"][ORDERED] == "1"
    page = client.get(REPORT).content.decode()
    row = re.search(r"Meldebescheinigung.*?</tr>", page, re.S).group(0)
    assert "1 von 10" in row  # with the people fixture's 2 Verwaltungen


def test_the_report_shows_a_status_change_at_once(client, people, land):
    client.force_login(people["fulfilment"])
    birkenau = Verwaltung.objects.get(name="Amt Birkenau")
    assert csv_rows(client)["Wohngeld"][LIVE] == "3"
    line = OrderedService.objects.get(verwaltung=birkenau, dienst__title="Wohngeld").line

    lines_status_change(lines=[line], new_status=RolloutStatus.IN_TEST, user=None)
    lines_status_change(
        lines=[line],
        new_status=RolloutStatus.LIVE,
        user=None,
        service_url="https://birkenau.example/wohngeld",
    )

    assert csv_rows(client)["Wohngeld"][LIVE] == "4"


def test_the_report_shows_the_registry_after_an_import(client, people, land):
    client.force_login(people["fulfilment"])
    assert csv_rows(client)["Wohngeld"][VERWALTUNGEN] == "10"  # with the people fixture's 2

    # The fixture's Verwaltungen are not in the file: the import deactivates all of them.
    registry_import_gemeindeverzeichnis(
        records=parse_gemeindeverzeichnis(DEFAULT_GEMEINDEVERZEICHNIS),
        land="01",
        allow_deactivations=True,
    )

    active = Verwaltung.objects.active().count()
    assert active > 10
    assert csv_rows(client)["Wohngeld"][VERWALTUNGEN] == str(active)


def test_the_report_shows_a_service_once_it_is_published(client, people, land):
    client.force_login(people["fulfilment"])
    assert "Neuer Dienst" not in csv_rows(client)

    dienst_create(title="Neuer Dienst")

    assert csv_rows(client)["Neuer Dienst"][ORDERED] == "0"


def test_each_selector_costs_a_fixed_number_of_queries(land, django_assert_num_queries):
    with django_assert_num_queries(4):
        coverage_by_dienst()
    with django_assert_num_queries(4):
        coverage_by_kreis()
    with django_assert_num_queries(1):
        public_figures()
