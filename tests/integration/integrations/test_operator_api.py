"""The status API for the operators' systems (/api/umsetzung/): tokens (hashed, revocable),
scopes, the order list with filters, cursor and "since", and status changes with the dashboard's
rules, recorded as the API client's, idempotent when sent twice."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from shop.integrations.services import api_client_revoke
from shop.models import ApiClient
from shop.models import OutgoingMail
from shop.models import RolloutEvent
from shop.orders.rollout import lines_status_change
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place

from .conftest import bearer

pytestmark = pytest.mark.django_db

LIST = "/api/umsetzung/bestellungen"


def status_url(order, line=None) -> str:
    line = line or order.lines.get()
    return f"/api/umsetzung/bestellungen/{order.number}/positionen/{line.pk}/status"


def test_the_token_is_stored_only_as_its_sha256(writer_token):
    client = ApiClient.objects.get()

    assert writer_token.startswith("ozg_") and len(writer_token) > 40
    assert client.token_sha256 == hashlib.sha256(writer_token.encode()).hexdigest()
    assert writer_token not in str(ApiClient.objects.values().get())
    assert client.token_prefix == writer_token[:8]


@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({}, "Bitte senden Sie Ihren API-Schlüssel im Header „Authorization: Bearer …“."),
        (bearer("ozg_falsch"), "Dieser API-Schlüssel ist unbekannt oder widerrufen."),
        (bearer("kein-token"), "Dieser API-Schlüssel ist unbekannt oder widerrufen."),
    ],
)
def test_without_a_valid_token_401_in_german(client, reader_token, headers, detail):
    response = client.get(LIST, **headers)

    assert (response.status_code, response.json()) == (401, {"detail": detail})


def test_a_revoked_token_no_longer_works(client, reader_token):
    assert client.get(LIST, **bearer(reader_token)).status_code == 200

    api_client_revoke(client_id=ApiClient.objects.get().pk, revoked_by=None)

    response = client.get(LIST, **bearer(reader_token))
    assert response.status_code == 401


def test_a_session_is_not_a_token(client, member, order):
    client.force_login(member)

    assert client.get(LIST).status_code == 401


def test_reading_needs_its_scope(client, db):
    from shop.integrations.services import api_client_create

    token = api_client_create(name="nur Status", scopes=["status:aendern"], created_by=None).token

    response = client.get(LIST, **bearer(token))

    assert response.status_code == 403
    assert response.json() == {"detail": "Dieser API-Zugang darf keine Bestellungen lesen."}


def test_changing_a_status_needs_its_scope(client, reader_token, order):
    response = client.post(
        status_url(order),
        {"status": "In Prüfung"},
        content_type="application/json",
        **bearer(reader_token),
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Dieser API-Zugang darf keinen Status ändern."}
    assert order.lines.get().status == "Eingegangen"


def test_the_list_shows_orders_with_positions(client, reader_token, order, amt):
    response = client.get(LIST, **bearer(reader_token))

    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    [item] = body["items"]
    assert item["number"] == order.number
    assert item["verwaltung"]["name"] == amt.name
    assert item["verwaltung"]["kreis"] == "Rendsburg-Eckernförde"
    [position] = item["positions"]
    assert position["position_id"] == order.lines.get().pk
    assert position["dienst"]["title"] == "Wohngeld"
    assert position["status"] == "Eingegangen"
    assert [g["name"] for g in position["gemeinden"]] == ["Ascheffel", "Bünsdorf", "Holzbunge"]


def test_pages_follow_the_cursor_without_gaps_or_repeats(client, reader_token, amt):
    dienste = [dienst_create(title=f"Dienst {n}") for n in range(5)]
    member = member_create(verwaltung=amt)
    numbers = [
        order_place(user=member, verwaltung=amt, dienste=[dienst]).number for dienst in dienste
    ]

    seen, url, pages = [], f"{LIST}?limit=2", 0
    while url:
        body = client.get(url, **bearer(reader_token)).json()
        seen += [item["number"] for item in body["items"]]
        url = body["next"]
        pages += 1

    assert seen == numbers
    assert pages == 3


def test_filters_by_status_dienst_verwaltung_and_kreis(client, reader_token, order, amt):
    other_amt = amt_with_gemeinden(count=1)
    other = order_place(
        user=member_create(verwaltung=other_amt),
        verwaltung=other_amt,
        dienste=[dienst_create(title="Postfach")],
    )
    lines_status_change(lines=list(other.lines.all()), new_status="In Prüfung", user=None)

    def numbers(query: str) -> list[str]:
        response = client.get(f"{LIST}?{query}", **bearer(reader_token))
        assert response.status_code == 200, response.content
        return [item["number"] for item in response.json()["items"]]

    assert numbers("status=In Prüfung") == [other.number]
    assert numbers("status=Eingegangen") == [order.number]
    assert numbers(f"dienst={other.lines.get().ozg_service.dienst_id}") == [other.number]
    assert numbers(f"verwaltung={amt.pk}") == [order.number]
    assert numbers(f"kreis={amt.kreis_id}") == [order.number]


def test_since_returns_orders_placed_or_changed_since(client, reader_token, order, amt):
    later = order_place(
        user=member_create(verwaltung=amt),
        verwaltung=amt,
        dienste=[dienst_create(title="Postfach")],
    )
    type(order).objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - datetime.timedelta(days=2)
    )
    type(later).objects.filter(pk=later.pk).update(
        date_placed=timezone.now() - datetime.timedelta(days=2)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    def numbers() -> list[str]:
        response = client.get(LIST, {"since": since}, **bearer(reader_token))
        return [item["number"] for item in response.json()["items"]]

    assert numbers() == []

    lines_status_change(lines=list(later.lines.all()), new_status="In Prüfung", user=None)

    assert numbers() == [later.number]
    item = client.get(LIST, {"since": since}, **bearer(reader_token)).json()["items"][0]
    assert datetime.datetime.fromisoformat(item["changed_at"]) > datetime.datetime.fromisoformat(
        item["date_placed"]
    )


def test_a_naive_since_is_read_in_german_time(client, reader_token, order):
    response = client.get(LIST, {"since": "2000-01-01T00:00:00"}, **bearer(reader_token))

    assert response.status_code == 200
    assert len(response.json()["items"]) == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=Fertig", "Erlaubt sind:"),
        ("since=gestern", "Bitte geben Sie einen Zeitpunkt nach ISO 8601 an."),
        ("limit=500", "Die Zahl darf höchstens 200 sein."),
    ],
)
def test_invalid_filters_answer_422_in_german(client, reader_token, query, message):
    response = client.get(f"{LIST}?{query}", **bearer(reader_token))

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith(message)


def test_a_status_change_uses_the_dashboards_service(client, writer_token, order, member):
    response = client.post(
        status_url(order),
        {"status": "In Prüfung"},
        content_type="application/json",
        **bearer(writer_token),
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["changed"] is True
    assert body["order_status"] == "In Prüfung"
    assert body["position"]["status"] == "In Prüfung"
    assert body["position"]["history"][-1]["changed_by"] == "ITVSH/Dataport"
    event = RolloutEvent.objects.get()
    assert event.changed_by_client == ApiClient.objects.get()
    assert event.by_staff is True
    assert event.changed_by is None
    assert list(OutgoingMail.objects.values_list("subject", flat=True).order_by("-pk")[:1]) == [
        f"Bestellung {order.number}: „Wohngeld“ wird geprüft"
    ]


def test_the_same_change_twice_changes_once(client, writer_token, order):
    for _ in range(2):
        response = client.post(
            status_url(order),
            {"status": "In Prüfung"},
            content_type="application/json",
            **bearer(writer_token),
        )
        assert response.status_code == 200

    assert response.json()["changed"] is False
    assert RolloutEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"status": "Live", "service_url": "https://dienst.example"}, "kann nicht von"),
        ({"status": "Abgelehnt"}, "Für „Abgelehnt“ ist eine Begründung nötig"),
        ({"status": "Fertig"}, "„Fertig“ ist kein Status der Umsetzung."),
    ],
)
def test_the_dashboards_rules_refuse_with_409(client, writer_token, order, payload, message):
    response = client.post(
        status_url(order), payload, content_type="application/json", **bearer(writer_token)
    )

    assert response.status_code == 409
    assert message in response.json()["detail"]
    assert RolloutEvent.objects.count() == 0
    assert order.lines.get().status == "Eingegangen"


def test_live_needs_the_https_address_and_keeps_it(client, writer_token, order):
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=list(order.lines.all()), new_status=status, user=None)

    refused = client.post(
        status_url(order),
        {"status": "Live", "service_url": "http://dienst.example"},
        content_type="application/json",
        **bearer(writer_token),
    )
    response = client.post(
        status_url(order),
        {"status": "Live", "service_url": "https://wohngeld.example/amt"},
        content_type="application/json",
        **bearer(writer_token),
    )

    assert refused.status_code == 409
    assert refused.json()["detail"] == "Bitte geben Sie eine https-Adresse an."
    assert response.json()["position"]["service_url"] == "https://wohngeld.example/amt"


def test_an_unknown_position_is_404(client, writer_token, order, amt):
    other = order_place(
        user=member_create(verwaltung=amt),
        verwaltung=amt,
        dienste=[dienst_create(title="Postfach")],
    )

    response = client.post(
        status_url(order, line=other.lines.get()),
        {"status": "In Prüfung"},
        content_type="application/json",
        **bearer(writer_token),
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Keine Position mit dieser Nummer in dieser Bestellung."}


def test_nul_characters_in_the_body_are_invalid(client, writer_token, order):
    response = client.post(
        status_url(order),
        {"status": "Abgelehnt", "reason": "a\x00b"},
        content_type="application/json",
        **bearer(writer_token),
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Steuerzeichen (NUL) sind nicht erlaubt."


def test_the_document_describes_the_bearer_token(client):
    document = client.get("/api/openapi.json").json()

    schemes = document["components"]["securitySchemes"]
    assert (
        schemes["ApiClientAuth"]
        == {
            "type": "http",
            "scheme": "bearer",
            "description": "API-Schlüssel eines API-Zugangs (im Dashboard unter „Schnittstellen“)",
        }
        or schemes["ApiClientAuth"]["scheme"] == "bearer"
    )
    for path in (
        "/api/umsetzung/bestellungen",
        "/api/umsetzung/bestellungen/{number}/positionen/{position_id}/status",
    ):
        for operation in document["paths"][path].values():
            assert operation["security"] == [{"ApiClientAuth": []}]


def test_a_body_that_is_no_json_answers_400_in_german(client, writer_token, order):
    response = client.post(
        status_url(order), "{kein json", content_type="application/json", **bearer(writer_token)
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Der Inhalt der Anfrage ist kein gültiges JSON."}


@pytest.mark.parametrize(
    "since",
    ["0079-09-13T10:02:00+16:01", "0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00"],
)
def test_a_since_at_the_edges_of_the_calendar_is_no_error(client, reader_token, order, since):
    response = client.get(LIST, {"since": since}, **bearer(reader_token))

    assert response.status_code == 200
    assert len(response.json()["items"]) == (1 if since[0] == "0" else 0)
