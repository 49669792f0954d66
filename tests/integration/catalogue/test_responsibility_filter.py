"""The catalogue's filter by responsibility ("zustaendig", one kind of Verwaltung per value; a
service for all kinds matches each) on the page and in the API, and "für meine Verwaltung" for
signed-in members."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.services import membership_ensure_approved
from shop.models import Membership
from shop.models import VerwaltungKind
from tests.conftest import built_once_per_module
from tests.factories import KreisFactory
from tests.factories import VerwaltungFactory
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


def services_build(page_tree) -> dict:
    parent = page_tree.service_index
    return {
        "kfz": service_page_create(
            parent=parent,
            title="Kfz-Abmeldung",
            responsible_kinds=[VerwaltungKind.KREISFREIE_STADT, VerwaltungKind.KREIS],
        ),
        "hundesteuer": service_page_create(
            parent=parent,
            title="Hundesteuer",
            responsible_kinds=[VerwaltungKind.AMT, VerwaltungKind.AMTSFREIE_GEMEINDE],
        ),
        "postfach": service_page_create(parent=parent, title="Postfach"),
    }


services_built = built_once_per_module(services_build)


@pytest.fixture
def services(services_built, db):
    return copy.deepcopy(services_built)


def titles(html: str) -> list[str]:
    cards = html.split('<li class="site-service-card">')[1:]
    return sorted(
        title
        for title in ("Kfz-Abmeldung", "Hundesteuer", "Postfach")
        for card in cards
        if f">{title}</a>" in card
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("", ["Hundesteuer", "Kfz-Abmeldung", "Postfach"]),
        ("?zustaendig=amt", ["Hundesteuer", "Postfach"]),
        ("?zustaendig=kreis", ["Kfz-Abmeldung", "Postfach"]),
        ("?zustaendig=kreis&zustaendig=amt", ["Hundesteuer", "Kfz-Abmeldung", "Postfach"]),
        ("?zustaendig=landkreis", ["Postfach"]),  # another Land's kind: the services for all
        ("?zustaendig=bundesland", ["Hundesteuer", "Kfz-Abmeldung", "Postfach"]),  # ignored
    ],
)
def test_the_catalogue_filters_by_responsibility(client, services, params, expected):
    response = client.get(f"/dienste/{params}")

    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_the_facet_counts_each_kind_of_the_registry_with_the_services_for_all(client, services):
    VerwaltungFactory()  # an Amt in its Kreis
    VerwaltungFactory(kind="kreisfreie_stadt")
    facets = {facet["name"]: facet for facet in client.get("/api/dienste").json()["facets"]}

    counts = {option["value"]: option["count"] for option in facets["zustaendig"]["options"]}
    assert counts == {"kreisfreie_stadt": 2, "kreis": 2, "amt": 2}
    html = client.get("/dienste/").content.decode()
    assert '<legend class="kern-label">Zuständig</legend>' in html


def test_the_api_lists_and_filters_by_responsibility(client, services):
    listing = client.get("/api/dienste", {"zustaendig": "kreis"}).json()

    assert {item["title"]: item["responsible_kinds"] for item in listing["results"]} == {
        "Kfz-Abmeldung": ["kreisfreie_stadt", "kreis"],
        "Postfach": [],
    }
    detail = client.get(f"/api/dienste/{services['hundesteuer'].pk}").json()
    assert detail["responsible_kinds"] == ["amt", "amtsfreie_gemeinde"]
    wagtail = client.get(f"/api/v2/pages/{services['kfz'].pk}/").json()
    assert wagtail["responsible_kinds"] == ["kreisfreie_stadt", "kreis"]


def test_the_openapi_document_describes_the_field_and_the_filter(client):
    document = client.get("/api/openapi.json").json()

    parameters = {p["name"]: p for p in document["paths"]["/api/dienste"]["get"]["parameters"]}
    assert "amtsfreie_gemeinde" in parameters["zustaendig"]["description"]
    schemas = document["components"]["schemas"]
    described = [
        schema["properties"]["responsible_kinds"]
        for schema in schemas.values()
        if "responsible_kinds" in schema.get("properties", {})
    ]
    assert described
    assert all(prop["type"] == "array" for prop in described)


def test_visitors_are_not_offered_für_meine_verwaltung(client, services):
    assert "für meine Verwaltung" not in client.get("/dienste/").content.decode()


def test_a_member_is_offered_the_services_for_their_verwaltung(client, services, member):
    client.force_login(member)

    html = client.get("/dienste/?typ=online_dienst_efa").content.decode()

    assert (
        '<a class="kern-link" href="?typ=online_dienst_efa&amp;zustaendig=amt">'
        "Nur Dienste für meine Verwaltung zeigen</a>: Hüttener Berge (Amt)"
    ) in html

    html = client.get("/dienste/?zustaendig=amt").content.decode()

    assert titles(html) == ["Hundesteuer", "Postfach"]
    assert "Gezeigt werden die Dienste für Ihre Verwaltung: Hüttener Berge (Amt)." in html
    assert '<a class="kern-link" href="?">Dienste für alle Verwaltungen zeigen</a>' in html


def test_a_member_of_an_amt_and_a_kreis_sees_the_services_of_both(client, services, member):
    kreis = KreisFactory(name="Rendsburg-Eckernförde")
    membership_ensure_approved(user=member, verwaltung=kreis, role=Membership.Role.ORDERING)
    client.force_login(member)

    html = client.get("/dienste/").content.decode()
    assert "?zustaendig=kreis&amp;zustaendig=amt" in html

    html = client.get("/dienste/?zustaendig=kreis&zustaendig=amt").content.decode()
    assert titles(html) == ["Hundesteuer", "Kfz-Abmeldung", "Postfach"]
    assert "Gezeigt werden die Dienste für Ihre Verwaltungen: Hüttener Berge (Amt), " in html


def test_the_filtered_catalogue_costs_the_same_queries_for_one_and_many(client, page_tree, member):
    client.force_login(member)
    url = "/dienste/?zustaendig=amt"
    service_page_create(parent=page_tree.service_index, responsible_kinds=["amt"])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(11):
        service_page_create(
            parent=page_tree.service_index,
            responsible_kinds=[] if number % 2 else ["amt", "kreis"],
        )
    client.get(url)  # publishing started a new cache generation
    with CaptureQueriesContext(connection) as twelve:
        response = client.get(url)

    assert response.content.decode().count('<li class="site-service-card">') == 12
    assert len(twelve) == len(one)
