"""Meine Dienste as JSON under /api/konto/: a signed-in member's Verwaltungen, orders (with
services, statuses, Gemeinden, contacts and accepted agreements) and ordered services. Session
authenticated, read-only, and nothing of another Verwaltung."""

import datetime

import pytest
from openapi_spec_validator import validate

from shop.models import AcceptanceRecord
from shop.models import Membership
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import people_outside_create
from tests.orders import LIVE_URL
from tests.responses import queries_for

pytestmark = pytest.mark.django_db

# The three Gemeinden of the Amt (tests/integration/conftest.py) as the API lists them.
AMT_GEMEINDEN = [
    {"ags": "01058008", "name": "Ascheffel"},
    {"ags": "01058035", "name": "Bünsdorf"},
    {"ags": "01058081", "name": "Holzbunge"},
]
LISTS = ("/api/konto/verwaltungen", "/api/konto/bestellungen", "/api/konto/dienste")


def detail_url(order) -> str:
    return f"/api/konto/bestellungen/{order.number}"


def same_moment(text: str, moment: datetime.datetime) -> bool:
    """JSON carries milliseconds (ECMA-262), the database microseconds."""
    return abs(datetime.datetime.fromisoformat(text) - moment) < datetime.timedelta(milliseconds=1)


def placed_entry(at: str) -> dict:
    """The first entry of a service's history: its order, by the member who placed it."""
    return {
        "at": at,
        "status": "Eingegangen",
        "old_status": None,
        "changed_by": "Hanna Hüttmann",
        "reason": "",
        "service_url": None,
    }


def go_live(order) -> None:
    line = order.lines.get()
    line.status = "Live"
    line.save()
    line.ozg_service.service_url = LIVE_URL
    line.ozg_service.save()


@pytest.mark.parametrize("role", [Membership.Role.ORDERING, Membership.Role.READ_ONLY])
def test_verwaltungen_of_the_person_with_role(client, amt, role):
    person = member_create(verwaltung=amt, role=role)
    requested = amt_with_gemeinden(count=1)
    Membership.objects.create(user=person, verwaltung=requested)
    client.force_login(person)

    response = client.get("/api/konto/verwaltungen")

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": amt.pk,
            "name": "Hüttener Berge",
            "kind": "amt",
            "regional_key": "010585890",
            "role": role,
        }
    ]


@pytest.mark.parametrize("role", [Membership.Role.ORDERING, Membership.Role.READ_ONLY])
def test_orders_list_with_services_and_gemeinden(client, amt, order, role):
    client.force_login(member_create(verwaltung=amt, role=role))

    page = client.get("/api/konto/bestellungen").json()

    orders = page["items"]
    dienst = order.lines.get().ozg_service.dienst
    assert page["count"] == 1
    assert orders == [
        {
            "number": order.number,
            "date_placed": orders[0]["date_placed"],
            "status": "Eingegangen",
            "verwaltung": {"id": amt.pk, "name": "Hüttener Berge"},
            "services": [
                {
                    "dienst": {"id": dienst.pk, "title": "Wohngeld"},
                    "status": "Eingegangen",
                    "service_url": None,
                    "for_itself": False,
                    "gemeinden": AMT_GEMEINDEN,
                    "history": [placed_entry(orders[0]["date_placed"])],
                }
            ],
        }
    ]
    assert same_moment(orders[0]["date_placed"], order.date_placed)


def test_order_detail_with_contacts_and_accepted_agreements(client, member, order, wished_start):
    client.force_login(member)

    detail = client.get(detail_url(order)).json()

    record = AcceptanceRecord.objects.select_related("agreement_version__agreement").get(
        order=order
    )
    assert detail["number"] == order.number
    assert detail["placed_by"] == "Hanna Hüttmann"
    assert detail["wished_start_date"] == wished_start.isoformat()
    assert detail["remarks"] == "Bitte zuerst Ascheffel."
    assert [contact["role"] for contact in detail["contacts"]] == [
        "fachlich",
        "technisch",
        "funktionspostfach",
        "datenschutz",
    ]
    assert detail["contacts"][0] == {
        "role": "fachlich",
        "role_label": "Fachliche Ansprechperson",
        "name": "Frau Fachlich",
        "email": "fach@amt.example",
        "phone": "",
    }
    assert detail["agreements"] == [
        {
            "agreement": "Allgemeine Nutzungsbedingungen",
            "version": record.agreement_version.version,
            "text_sha256": record.text_sha256,
            "person_name": "Hanna Hüttmann",
            "person_email": member.email,
            "verwaltung_name": "Hüttener Berge",
            "accepted_at": detail["agreements"][0]["accepted_at"],
        }
    ]
    assert len(record.text_sha256) == 64
    assert same_moment(detail["agreements"][0]["accepted_at"], record.accepted_at)
    assert "ip_address" not in str(detail)
    assert detail["services"][0]["gemeinden"][0]["name"] == "Ascheffel"


def test_ordered_services_and_live_url_only_when_live(client, amt, member, order):
    client.force_login(member)
    service = order.lines.get().ozg_service
    service.service_url = LIVE_URL
    service.save()

    before = client.get("/api/konto/dienste").json()["items"]
    assert before == [
        {
            "id": service.pk,
            "dienst": {"id": service.dienst_id, "title": "Wohngeld"},
            "verwaltung": {"id": amt.pk, "name": "Hüttener Berge"},
            "status": "Eingegangen",
            "service_url": None,
            "for_itself": False,
            "gemeinden": AMT_GEMEINDEN,
            "history": [placed_entry(before[0]["history"][0]["at"])],
            "order_number": order.number,
        }
    ]
    assert same_moment(before[0]["history"][0]["at"], order.date_placed)
    assert client.get(detail_url(order)).json()["services"][0]["service_url"] is None

    go_live(order)

    after = client.get("/api/konto/dienste").json()["items"][0]
    assert (after["status"], after["service_url"]) == ("Live", LIVE_URL)
    for url in ("/api/konto/bestellungen", detail_url(order)):
        answer = client.get(url).json()
        services = (answer["items"][0] if "items" in answer else answer)["services"]
        assert (services[0]["status"], services[0]["service_url"]) == ("Live", LIVE_URL)


def test_kreis_order_for_itself(client, kreis_order):
    client.force_login(kreis_order.user)

    service = client.get("/api/konto/dienste").json()["items"][0]
    assert (service["for_itself"], service["gemeinden"]) == (True, [])
    assert client.get(detail_url(kreis_order)).json()["services"][0]["for_itself"] is True


def test_anonymous_gets_401(client, order):
    for url in (*LISTS, detail_url(order)):
        response = client.get(url)
        assert response.status_code == 401, url
        assert "Bestellung" not in response.content.decode()


def test_nothing_of_another_verwaltung(client, amt, order):
    for person in people_outside_create(verwaltung=amt):
        client.force_login(person)
        assert client.get(detail_url(order)).status_code == 404
        assert client.get("/api/konto/bestellungen").json() == {"items": [], "count": 0}
        assert client.get("/api/konto/dienste").json() == {"items": [], "count": 0}
        verwaltungen = client.get("/api/konto/verwaltungen").json()
        assert amt.pk not in [verwaltung["id"] for verwaltung in verwaltungen]
    assert client.get("/api/konto/bestellungen/gibt-es-nicht").status_code == 404


def test_api_is_read_only_and_acceptance_records_cannot_be_changed(client, member, order):
    client.force_login(member)

    for method in ("put", "patch", "delete", "post"):
        response = getattr(client, method)(detail_url(order), content_type="application/json")
        assert response.status_code == 405, method
    for url in LISTS:
        assert client.post(url, content_type="application/json").status_code == 405
        assert client.delete(url).status_code == 405
    assert AcceptanceRecord.objects.filter(order=order).count() == 1


def test_inactive_person_sees_nothing(client, member, order):
    client.force_login(member)
    member.is_active = False
    member.save()

    for url in (*LISTS, detail_url(order)):
        assert client.get(url).status_code in (401, 404)


def place_orders(amt, member, count: int) -> None:
    for _ in range(count):
        order_place(user=member, verwaltung=amt, dienste=[dienst_create(), dienst_create()])


def test_query_counts_do_not_grow_with_orders(client, amt, member):
    other = amt_with_gemeinden(count=2)
    Membership.objects.create(user=member, verwaltung=other, status=Membership.Status.APPROVED)
    client.force_login(member)
    place_orders(amt, member, 1)
    one = {url: queries_for(client, url) for url in LISTS}
    first = client.get("/api/konto/bestellungen").json()["items"][0]["number"]
    one_detail = queries_for(client, f"/api/konto/bestellungen/{first}")

    place_orders(amt, member, 9)
    place_orders(other, member_create(verwaltung=other), 1)
    ten = {url: queries_for(client, url) for url in LISTS}
    many = order_place(user=member, verwaltung=amt, dienste=[dienst_create() for _ in range(5)])

    assert ten == one
    assert queries_for(client, f"/api/konto/bestellungen/{many.number}") == one_detail
    assert client.get("/api/konto/bestellungen").json()["count"] == 12
    assert client.get("/api/konto/dienste").json()["count"] == 27


def test_lists_come_in_pages_of_limit_and_offset(client, amt, member):
    client.force_login(member)
    place_orders(amt, member, 3)  # 3 orders, 6 ordered services
    numbers = [
        item["number"] for item in client.get("/api/konto/bestellungen?limit=10").json()["items"]
    ]

    second = client.get("/api/konto/bestellungen?limit=2&offset=2").json()
    services = client.get("/api/konto/dienste?limit=4&offset=4").json()

    assert second == {"items": second["items"], "count": 3}
    assert [item["number"] for item in second["items"]] == numbers[2:]
    assert (services["count"], len(services["items"])) == (6, 2)
    for bad in ("limit=0", "limit=1001", "offset=-1", "limit=zehn"):
        response = client.get(f"/api/konto/dienste?{bad}")
        assert response.status_code == 422, bad
        assert response.json()["detail"]


def test_a_page_costs_the_same_queries_for_few_and_many_rows(client, amt, member):
    client.force_login(member)
    place_orders(amt, member, 2)
    few = {url: queries_for(client, url + "?limit=2") for url in LISTS[1:]}

    place_orders(amt, member, 20)

    assert {url: queries_for(client, url + "?limit=2") for url in LISTS[1:]} == few


def test_openapi_describes_the_endpoints(client):
    schema = client.get("/api/openapi.json").json()

    validate(schema)
    paths = schema["paths"]
    for path in (*LISTS, "/api/konto/bestellungen/{number}"):
        assert set(paths[path]) == {"get"}, path
        assert paths[path]["get"]["tags"] == ["Meine Dienste"]
        assert paths[path]["get"]["security"] == [{"SessionAuth": []}]
        assert "401" in paths[path]["get"]["responses"]
    assert "404" in paths["/api/konto/bestellungen/{number}"]["get"]["responses"]
    detail = schema["components"]["schemas"]["OrderDetailOut"]["properties"]
    assert {"contacts", "agreements", "wished_start_date", "remarks", "services"} <= set(detail)
