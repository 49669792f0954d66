"""The map of live services: on the coverage report (/umsetzung/berichte/abdeckung/) with its
service selector, and on the home page for all services. Dataset:

Kreis Nordfeld      Amt Aue: Gemeinden Ahorn and Buche (coordinates) and Clausdorf (none)
Stadt Hafenberg     kreisfrei, its Gemeinde Hafenberg (coordinates)

Wohngeld:       Amt Aue live for Ahorn only
Kfz-Abmeldung:  Kreis Nordfeld for itself live (covers Ahorn, Buche and Clausdorf)
Meldewesen:     Stadt Hafenberg in Test (not live)
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import staff_groups_ensure
from shop.generations import COVERAGE_REPORT
from shop.generations import generation_bump
from shop.models import Gemeinde
from shop.models import RolloutStatus
from shop.models import VerwaltungKind
from shop.reports.selectors import live_coverage_by_gemeinde
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import order_in_status
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db

REPORT = "/umsetzung/berichte/abdeckung/"


@pytest.fixture(autouse=True)
def fresh_report_cache():
    generation_bump(name=COVERAGE_REPORT)


@pytest.fixture
def land(db):
    terms_of_use_publish()
    nordfeld = KreisFactory(name="Kreis Nordfeld")
    aue = VerwaltungFactory(kreis=nordfeld, name="Amt Aue")
    ahorn = GemeindeFactory(verwaltung=aue, name="Ahorn")
    GemeindeFactory(
        verwaltung=aue, name="Buche", latitude=Decimal("54.9"), longitude=Decimal("9.1")
    )
    GemeindeFactory(verwaltung=aue, name="Clausdorf", latitude=None, longitude=None)
    hafenberg = KreisFactory(kind=VerwaltungKind.KREISFREIE_STADT, name="Stadt Hafenberg")
    GemeindeFactory(
        verwaltung=hafenberg,
        name="Hafenberg",
        kind=Gemeinde.Kind.KREISFREIE_STADT,
        latitude=Decimal("53.9"),
        longitude=Decimal("10.7"),
    )
    wohngeld = dienst_create(title="Wohngeld")
    kfz = dienst_create(title="Kfz-Abmeldung")
    melde = dienst_create(title="Meldewesen")
    order_in_status(aue, wohngeld, RolloutStatus.LIVE, gemeinden=[ahorn])
    order_in_status(nordfeld, kfz, RolloutStatus.LIVE)
    order_in_status(hafenberg, melde, RolloutStatus.IN_TEST)
    return {"wohngeld": wohngeld, "kfz": kfz, "melde": melde}


@pytest.fixture
def fulfilment(client):
    staff_groups_ensure()
    person = staff_create(group=FULFILMENT_GROUP, is_staff=True)
    client.force_login(person)
    return person


def live_counts(dienst_ids) -> dict[str, tuple[int, int]]:
    return {
        g.name: (g.live.count, g.live.total)
        for g in live_coverage_by_gemeinde(dienst_ids=dienst_ids)
    }


def test_live_coverage_per_gemeinde_counts_own_and_kreis_orders(land):
    every = [land["wohngeld"].pk, land["kfz"].pk, land["melde"].pk]

    assert live_counts(every) == {
        "Ahorn": (2, 3),
        "Buche": (1, 3),
        "Clausdorf": (1, 3),
        "Hafenberg": (0, 3),
    }
    assert live_counts([land["wohngeld"].pk]) == {
        "Ahorn": (1, 1),
        "Buche": (0, 1),
        "Clausdorf": (0, 1),
        "Hafenberg": (0, 1),
    }


def test_a_retired_gemeinde_is_not_on_the_map(land):
    Gemeinde.objects.filter(name="Buche").update(active=False)

    assert "Buche" not in live_counts([land["kfz"].pk])


def map_svg(html: str) -> str:
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="karte-')
    return html[start : html.index("</svg>", start)]


def circle_titles(html: str) -> list[str]:
    return re.findall(r"<circle [^>]*><title>([^<]+)</title></circle>", map_svg(html))


def test_report_map_has_one_point_per_gemeinde_with_coordinates(client, land, fulfilment):
    html = client.get(REPORT).content.decode()

    assert circle_titles(html) == [
        "Ahorn: 2 von 3 Diensten live",
        "Buche: 1 von 3 Diensten live",
        "Hafenberg: 0 von 3 Diensten live",
    ]
    assert 'role="img" aria-labelledby="karte-titel karte-beschreibung"' in html
    assert "Gemeinde ohne Koordinaten fehlt in der Karte" in html
    assert "Legende: Anteil der gewählten Dienste, die in der Gemeinde live sind" in html
    assert '<a href="#tabelle-karte">Tabelle statt Karte</a>' in html
    table = html[html.index('id="tabelle-karte"') :]
    rows = re.findall(r'<th scope="row">([^<]+)</th>((?:\s*<td[^>]*>[^<]*</td>)+)', table)
    cells = {name: re.findall(r">([^<]*)</td>", tds) for name, tds in rows[:2]}
    # Gemeinden, then per step: none, under 25 %, 25-50 %, 50-75 %, 75-100 %.
    assert cells == {
        "Kreis Nordfeld": ["3", "0", "0", "2", "1", "0"],
        "Stadt Hafenberg": ["1", "1", "0", "0", "0", "0"],
    }


def test_the_service_selector_filters_the_map(client, land, fulfilment):
    response = client.get(REPORT, {"dienst": [land["wohngeld"].pk]})

    html = response.content.decode()
    assert circle_titles(html) == [
        "Ahorn: 1 von 1 Dienst live",
        "Buche: 0 von 1 Dienst live",
        "Hafenberg: 0 von 1 Dienst live",
    ]
    assert re.search(rf'<input [^>]*value="{land["wohngeld"].pk}"[^>]*checked', html)


@pytest.mark.parametrize("bad", ["Wohngeld", "999999", "-1", "1.5", ""])
def test_bad_selector_input_shows_all_services_with_a_german_message(client, land, fulfilment, bad):
    response = client.get(REPORT, {"dienst": bad})

    assert response.status_code == 200
    html = response.content.decode()
    assert circle_titles(html)[0] == "Ahorn: 2 von 3 Diensten live"
    if bad:
        assert "Die Auswahl enthält einen unbekannten Dienst" in html


def test_the_map_costs_the_same_queries_for_few_and_many_gemeinden(client, land, fulfilment):
    def count() -> int:
        generation_bump(name=COVERAGE_REPORT)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(REPORT, {"dienst": [land["kfz"].pk]}).status_code == 200
        return len(captured)

    client.get(REPORT)  # the permissions, kept from the first request
    few = count()
    for number in range(30):
        GemeindeFactory(
            verwaltung=Gemeinde.objects.get(name="Ahorn").verwaltung,
            latitude=Decimal("54.0") + number,
        )
    assert count() == few


def test_the_map_needs_the_report_permission(client, land):
    staff_groups_ensure()
    client.force_login(staff_create(group=EDITORS_GROUP, is_staff=True))

    assert client.get(REPORT, {"dienst": "Wohngeld"}).status_code == 403


def test_home_page_shows_the_map_of_all_services(client, page_tree, land):
    html = client.get("/").content.decode()

    assert circle_titles(html) == [
        "Ahorn: 2 von 3 Diensten live",
        "Buche: 1 von 3 Diensten live",
        "Hafenberg: 0 von 3 Diensten live",
    ]
    assert '<a href="#tabelle-karte">Tabelle statt Karte</a>' in html
    assert re.search(r'id="tabelle-karte">\s*Gemeinden je Kreis', html)
    assert "Legende: Anteil der Dienste im Katalog, die in der Gemeinde live sind" in html
