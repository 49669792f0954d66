"""The bulk rollout's query budgets: its list costs the same for one line and many, and moving
lines costs a fixed number of queries plus the writes each line and each order needs (no reads
per line)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import FULFILMENT_GROUP
from tests.factories import KreisFactory
from tests.factories import dienst_create
from tests.factories import orders_in_status
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:order-bulk-rollout")
LIST_BUDGET = 5
# 16, and one for the webhook subscriptions to status changes (none here: nothing more).
MOVE_BASE = 17
# Writes only: each line's status and address, each order's e-mail (one line per order here).
MOVE_PER_LINE = 3


@pytest.fixture
def setting(client):
    terms_of_use_publish()
    client.force_login(staff_create(group=FULFILMENT_GROUP, is_staff=True))
    return {"kreis": KreisFactory(), "dienst": dienst_create(title="Wohngeld")}


def more_orders(setting, count):
    return orders_in_status(
        count=count, dienste=[setting["dienst"]], kreis=setting["kreis"], status="Im Test"
    )


def list_queries(client) -> int:
    client.get(URL)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"status": "Im Test"})
    assert response.status_code == 200
    return len(captured)


def move_lines(client, orders) -> int:
    """Preview and confirm all the orders' lines Live: the confirmation's query count."""
    lines = [line for order in orders for line in order.lines.all()]
    response = client.post(
        URL,
        {
            "action": "preview",
            "selected_line": [line.pk for line in lines],
            "new_status": "Live",
            **{f"url_{line.pk}": f"https://dienst.example/{line.pk}" for line in lines},
        },
    )
    token = re.search(r'name="selection" value="([^"]+)"', response.content.decode()).group(1)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(URL, {"action": "confirm", "selection": token})
    assert response.status_code == 302
    return len(captured)


def test_list_costs_the_same_for_one_and_many_lines(client, setting):
    more_orders(setting, 1)
    one = list_queries(client)
    more_orders(setting, 6)
    assert (one, list_queries(client)) == (LIST_BUDGET, LIST_BUDGET)


def test_moving_lines_reads_nothing_per_line(client, setting):
    one = move_lines(client, more_orders(setting, 1))
    five = move_lines(client, more_orders(setting, 5))
    assert one == MOVE_BASE + MOVE_PER_LINE
    assert five == MOVE_BASE + 5 * MOVE_PER_LINE


def test_moving_200_lines_is_one_request_that_only_writes_per_line(client, setting):
    """200 lines of 100 orders (two services each) Live with their addresses: one request for
    the preview, one for the confirmation. Its time is a benchmark figure (docs/performance.md),
    not a test."""

    orders = orders_in_status(
        count=100,
        dienste=[setting["dienst"], dienst_create(title="Elterngeld")],
        kreis=setting["kreis"],
        status="Im Test",
    )
    queries = move_lines(client, orders)
    # SQLite takes at most 999 parameters a statement: the 200 status events need two inserts.
    split_insert = 1 if connection.vendor == "sqlite" else 0
    assert queries == MOVE_BASE + 200 * 2 + 100 + split_insert  # an order's two lines, one e-mail
