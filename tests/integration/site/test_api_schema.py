"""The JSON API keeps what its OpenAPI document promises, for any input: schemathesis generates
requests for every operation of /api/openapi.json (django-ninja) and checks that none answers
with a server error, and that status code, content type and body are the documented ones.

Wagtail's pages API under /api/v2/ is in the document too, described from the profile's field
declarations (cms_pages.api, cms_pages.profile_fields); the fields of a service profile's answer
are checked in test_catalogue_api.py, as generated requests rarely name an existing page.

Each operation runs once anonymously and once as a signed-in member, and the operators' status
API (/api/umsetzung/) once more with an API client's token, inside pytest-django's test
database, with a bounded and derandomized number of examples so that CI is reproducible.
"""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished
from django.core.signals import request_started
from django.db import close_old_connections
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance

from cms_pages.services import page_tree_ensure
from ozg_site.api import api
from shop.integrations.services import api_client_create
from shop.models import ApiScope
from shop.orders.rollout import lines_status_change
from tests.factories import LageFactory
from tests.factories import LeikaLeistungFactory
from tests.factories import OzgLeistungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.pages import service_page_create

pytestmark = pytest.mark.django_db

django_application = WSGIHandler()


def application(environ, start_response):
    """Django's WSGI application as its test client runs it: without closing the database
    connection when a request starts and ends, which would end the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = django_application(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def openapi_document() -> dict:
    """The document that /api/openapi.json serves (test_the_served_document_is_the_one_tested),
    built without a request: the view runs in a database transaction, and pytest collects this
    module before there is a test database."""
    return json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))


# What schemathesis.openapi.from_wsgi() does, with the document from above.
schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = application

# The operations that the document says need a signed-in person (Meine Dienste) or an API
# client's token (the operators' status API).
SIGNED_IN_ONLY = {
    (path, method.upper())
    for path, path_item in openapi_document()["paths"].items()
    for method, operation in path_item.items()
    if operation.get("security")
}
TOKEN_ONLY = {
    (path, method.upper())
    for path, path_item in openapi_document()["paths"].items()
    for method, operation in path_item.items()
    if {"ApiClientAuth": []} in operation.get("security", [])
}

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Bounded and reproducible: the same examples on every run. The database fixtures are set up
# once per operation, not per example, which is what the health check warns about.
bounded = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def shop_data(django_db_setup, django_db_blocker):
    """Something for every operation to find, built once for the module in a transaction that
    is rolled back at its end: an OZG-Leistung with its LeiKa-Leistung, a published service
    profile, and a Verwaltung with an order. Gives the session cookie of its member."""
    with django_db_blocker.unblock(), transaction.atomic():
        page_tree = page_tree_ensure()
        leistung = OzgLeistungFactory(ozg_id="10092", name="Wohngeld", lage=LageFactory())
        LeikaLeistungFactory(ozg_leistung=leistung)
        service_page_create(
            parent=page_tree.service_index, title="Wohngeld", ozg_leistungen=[leistung]
        )
        terms_of_use_publish()
        amt = amt_with_gemeinden(count=2)
        member = member_create(verwaltung=amt)
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Postfach")])
        # A history with a change of the rollout team and one of the member (tests/integration/
        # orders/test_timeline_export.py), each answer checked against its schema.
        lines_status_change(lines=list(order.lines.all()), new_status="In Prüfung", user=None)
        lines_status_change(
            lines=list(order.lines.all()),
            new_status="Storniert",
            user=member,
            reason="Nicht mehr nötig.",
            by_staff=False,
        )
        # A second order for the status API to move along.
        order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])
        token = api_client_create(
            name="Ticketsystem", scopes=ApiScope.values, created_by=None
        ).token
        client = Client()
        client.force_login(member)
        yield {
            "member_cookies": {name: morsel.value for name, morsel in client.cookies.items()},
            "operator_headers": {"Authorization": f"Bearer {token}"},
        }
        transaction.set_rollback(True)


def signed_in_only(case) -> bool:
    return (case.operation.path, case.method.upper()) in SIGNED_IN_ONLY


def token_only(case) -> bool:
    return (case.operation.path, case.method.upper()) in TOKEN_ONLY


@schema.parametrize()
@bounded
def test_api_anonymously(case, shop_data):
    response = case.call_and_validate(checks=CHECKS)

    # 401 is documented next to 200: that alone would let an open door pass.
    if signed_in_only(case):
        assert response.status_code == 401, response.text


@schema.parametrize()
@bounded
def test_api_as_a_member(case, shop_data):
    response = case.call_and_validate(checks=CHECKS, cookies=shop_data["member_cookies"])

    # A member's session opens Meine Dienste, not the operators' status API.
    if token_only(case):
        assert response.status_code == 401, response.text
    elif signed_in_only(case):
        assert response.status_code != 401, "the session cookie was not accepted"


@schema.include(path_regex="^/api/umsetzung/").parametrize()
@bounded
def test_operator_api_with_a_token(case, shop_data):
    response = case.call_and_validate(checks=CHECKS, headers=shop_data["operator_headers"])

    # Negative cases include requests without the Authorization header (the missing security
    # parameter); every positive one must be let in.
    if case.meta is None or case.meta.generation.mode == GenerationMode.POSITIVE:
        assert response.status_code not in (401, 403), response.text


def test_each_service_of_the_members_api_documents_its_history():
    schemas = openapi_document()["components"]["schemas"]

    for name in ("OrderServiceOut", "OrderedServiceOut"):
        history = schemas[name]["properties"]["history"]
        assert "history" in schemas[name]["required"], name
        assert history["items"] == {"$ref": "#/components/schemas/HistoryEntryOut"}, name
    entry = schemas["HistoryEntryOut"]
    assert set(entry["properties"]) == {
        "at",
        "status",
        "old_status",
        "changed_by",
        "reason",
        "service_url",
    }
    assert "ITVSH/Dataport" in entry["properties"]["changed_by"]["description"]
    assert entry["properties"]["at"]["format"] == "date-time"


def test_the_served_document_is_the_one_tested(client):
    assert client.get("/api/openapi.json").json() == openapi_document()


def test_invalid_parameters_answer_422_in_german(client):
    response = client.get("/api/dienste/keine-zahl")

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Ungültige Angaben in der Anfrage – page_id: Bitte geben Sie eine ganze Zahl an.",
        "errors": [
            {
                "location": "path",
                "parameter": "page_id",
                "message": "Bitte geben Sie eine ganze Zahl an.",
            }
        ],
    }


@pytest.mark.parametrize(
    ("url", "location", "parameter"),
    [
        ("/api/dienste?lage=%00x", "query", "lage"),
        ("/api/dienste?q=Wohn%00geld", "query", "q"),
        ("/api/ozg/lagen?themenfeld=a%00", "query", "themenfeld"),
        ("/api/ozg/leistungen?q=%00", "query", "q"),
        ("/api/ozg/leistungen/10092%00", "path", "ozg_id"),
    ],
)
def test_nul_characters_are_invalid_also_where_postgresql_would_fail(
    client, url, location, parameter
):
    response = client.get(url)

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "location": location,
            "parameter": parameter,
            "message": "Steuerzeichen (NUL) sind nicht erlaubt.",
        }
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("offset=100000000000000000000", "Die Zahl darf höchstens 100000 sein."),
        ("limit=100000000000000000000", "Die Zahl darf höchstens 1000 sein."),
    ],
)
def test_paging_of_the_ozg_catalogue_is_bounded(client, query, message):
    response = client.get(f"/api/ozg/leistungen?{query}")

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == message


def test_a_page_id_beyond_the_database_integer_is_invalid(client):
    response = client.get("/api/dienste/2147483648")

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Die Zahl darf höchstens 2147483647 sein."


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/dienste/999999", 404, "Kein veröffentlichter Dienst mit dieser ID."),
        ("/api/ozg/leistungen/00000", 404, "Keine OZG-Leistung mit dieser OZG-ID."),
        ("/api/konto/bestellungen", 401, "Bitte melden Sie sich an."),
        ("/api/konto/bestellungen/100001", 401, "Bitte melden Sie sich an."),
        (
            "/api/umsetzung/bestellungen",
            401,
            "Bitte senden Sie Ihren API-Schlüssel im Header „Authorization: Bearer …“.",
        ),
    ],
)
def test_not_found_and_not_signed_in_answer_in_german(client, url, status, detail):
    response = client.get(url)

    assert (response.status_code, response.json()) == (status, {"detail": detail})


def test_every_operation_with_parameters_documents_422(client):
    document = client.get("/api/openapi.json").json()

    for path, path_item in document["paths"].items():
        if path.startswith("/api/v2/"):
            continue
        for method, operation in path_item.items():
            if operation.get("parameters"):
                assert "422" in operation["responses"], f"{method.upper()} {path}"
    assert set(document["components"]["schemas"]["ValidationErrorOut"]["properties"]) == {
        "detail",
        "errors",
    }


@pytest.mark.parametrize("text", ['"Wohngeld', 'Wohngeld """', '"Wohngeld"'])
def test_double_quotes_in_the_search_are_no_error(client, shop_data, text):
    response = client.get("/api/dienste", {"q": text})

    assert response.status_code == 200
    assert [service["title"] for service in response.json()["results"]] == ["Wohngeld"]
