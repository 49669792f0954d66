"""Oscar's analytics app is installed without its counters (oscar_overrides.analytics): adding to
the basket, viewing a product, searching and ordering write nothing there, and members adding
the same service at the same moment all succeed (on PostgreSQL, where the counters' race was a
500: IntegrityError, then TransactionManagementError)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.apps.search.signals import user_search
from oscar.core.loading import get_model

from shop.oscar_models import Basket
from tests.checkout import basket_add
from tests.conftest import migration_data_restore
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

ANALYTICS_MODELS = [
    get_model("analytics", name)
    for name in ("ProductRecord", "UserRecord", "UserProductView", "UserSearch")
]

MEMBERS = 4
ROUNDS = 5


def analytics_rows() -> int:
    return sum(model.objects.count() for model in ANALYTICS_MODELS)


def test_no_analytics_receiver_is_connected():
    for signal in (basket_addition, product_viewed, order_placed, user_search):
        # (lookup key, weak reference to the receiver, is it async)
        modules = {reference().__module__ for _, reference, *_ in signal.receivers}
        assert "oscar.apps.analytics.receivers" not in modules


@pytest.mark.django_db
def test_adding_to_the_basket_and_ordering_count_nothing(client):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=1)
    member = member_create(verwaltung=amt)
    dienst = dienst_create(title="Wohngeld")
    client.force_login(member)

    basket_add(client, dienst)
    client.get(dienst.product.get_absolute_url())
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    assert Basket.objects.get(owner=member, status="Open").lines.count() == 1
    assert analytics_rows() == 0


@pytest.fixture(scope="module")
def _restore_after(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        migration_data_restore()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent writes are tested on PostgreSQL (DATABASE_URL=postgres://…).",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_members_adding_a_new_service_at_the_same_moment_all_succeed(_restore_after, monkeypatch):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=1)
    clients = []
    for _ in range(MEMBERS):
        client = Client()
        client.force_login(member_create(verwaltung=amt))
        clients.append(client)
    # Each request waits after putting the service in its basket, so that all of them reach
    # what follows (the basket_addition signal) at the same moment.
    added = threading.Barrier(MEMBERS)
    add_product = Basket.add_product

    def add_then_wait(self, *args, **kwargs):
        result = add_product(self, *args, **kwargs)
        added.wait(timeout=30)
        return result

    monkeypatch.setattr(Basket, "add_product", add_then_wait)

    failures = []
    for round_number in range(ROUNDS):
        dienst = dienst_create(title=f"Neuer Dienst {round_number}")  # never added before
        statuses: list[object] = [None] * MEMBERS

        def add(index: int, dienst=dienst, statuses=statuses) -> None:
            try:
                url = reverse("basket:add", kwargs={"pk": dienst.product_id})
                statuses[index] = clients[index].post(url, {"quantity": 1}).status_code
            except Exception as error:  # reported below, with its round
                statuses[index] = repr(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=add, args=(index,)) for index in range(MEMBERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        if statuses != [302] * MEMBERS:
            failures.append(f"round {round_number}: {statuses}")

    assert not failures
    assert analytics_rows() == 0
