"""Query budgets of the operators' status API and of webhooks: the order list costs the same for
one order and a page of many; status webhooks of a bulk change cost a fixed number of queries,
not one per line."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.integrations.services import api_client_create
from shop.models import ApiScope
from shop.models import WebhookDelivery
from shop.models import WebhookEvent
from shop.models import WebhookSubscription
from shop.orders.bulk import bulk_lines_status_change
from tests.factories import KreisFactory
from tests.factories import dienst_create
from tests.factories import orders_in_status
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db

# The request's savepoint and its release (ATOMIC_REQUESTS), the client (one read; its last use
# is written once a minute), the page of orders, their lines, Gemeinden and status changes.
LIST_BUDGET = 7


@pytest.fixture
def setting(db):
    terms_of_use_publish()
    token = api_client_create(name="Land", scopes=[ApiScope.READ_ORDERS], created_by=None).token
    return {
        "kreis": KreisFactory(),
        "dienste": [dienst_create(title="Wohngeld"), dienst_create(title="Elterngeld")],
        "headers": {"HTTP_AUTHORIZATION": f"Bearer {token}"},
    }


def list_queries(client, setting) -> int:
    client.get("/api/umsetzung/bestellungen", **setting["headers"])  # last use written
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/umsetzung/bestellungen?limit=200", **setting["headers"])
    assert response.status_code == 200
    return len(captured)


def test_the_order_list_costs_the_same_for_one_and_many_orders(client, setting):
    orders_in_status(count=1, dienste=setting["dienste"], kreis=setting["kreis"], status="Im Test")
    one = list_queries(client, setting)
    orders_in_status(count=8, dienste=setting["dienste"], kreis=setting["kreis"], status="Im Test")

    assert (one, list_queries(client, setting)) == (LIST_BUDGET, LIST_BUDGET)


def test_status_webhooks_of_a_bulk_change_cost_two_queries(setting):
    def move(orders, status: str) -> int:
        line_ids = [line.pk for order in orders for line in order.lines.all()]
        with CaptureQueriesContext(connection) as captured:
            bulk_lines_status_change(line_ids=line_ids, new_status=status, urls={}, user=None)
        return len(captured)

    kreis, dienste = setting["kreis"], setting["dienste"]
    without = move(
        orders_in_status(count=5, dienste=dienste, kreis=kreis, status="Eingegangen"), "In Prüfung"
    )
    WebhookSubscription.objects.create(
        name="Land", url="https://land.example/h", secret="s", events=[WebhookEvent.STATUS_CHANGED]
    )
    with_hooks = move(
        orders_in_status(count=5, dienste=dienste, kreis=kreis, status="Eingegangen"), "In Prüfung"
    )

    # The services' orders and Verwaltungen in one read, all deliveries in one insert.
    assert with_hooks == without + 2
    assert WebhookDelivery.objects.count() == 10
