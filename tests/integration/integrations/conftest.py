"""The integrations' data: API clients with each scope, an order of the Amt, a local webhook
receiver (a real HTTP server on a free port, checking signatures)."""

import pytest

from shop.integrations.receiver import WebhookReceiver
from shop.integrations.services import api_client_create
from shop.integrations.services import webhook_subscription_create
from shop.models import ApiScope
from shop.models import WebhookEvent
from tests.factories import dienst_create
from tests.factories import order_place


@pytest.fixture
def order(amt, member):
    return order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])


@pytest.fixture
def reader_token(db) -> str:
    return api_client_create(
        name="Ticketsystem lesend", scopes=[ApiScope.READ_ORDERS], created_by=None
    ).token


@pytest.fixture
def writer_token(db) -> str:
    return api_client_create(
        name="Ticketsystem Dataport",
        scopes=[ApiScope.READ_ORDERS, ApiScope.CHANGE_STATUS],
        created_by=None,
    ).token


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def receiver():
    with WebhookReceiver() as running:
        yield running


@pytest.fixture
def subscription(db, receiver):
    """Subscribed to every event; the receiver knows its secret."""
    new = webhook_subscription_create(
        name="Ticketsystem", url=receiver.url, events=WebhookEvent.values, created_by=None
    )
    receiver.secret = new.secret
    return new.subscription
