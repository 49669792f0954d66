"""Two requests placing orders at the same moment, on PostgreSQL (SQLite serialises all writes,
so there the race cannot happen; production runs on PostgreSQL)."""

import threading
import time

import pytest
from django.db import IntegrityError
from django.db import connection
from django.db import transaction
from django.test import Client
from django.urls import reverse

from shop.models import AcceptanceRecord
from shop.models import OrderDetails
from shop.models import ServiceCoverage
from shop.orders import selectors
from shop.oscar_models import Order
from tests.checkout import basket_add
from tests.checkout import place_order_data
from tests.checkout import step_posts
from tests.checkout import steps_post
from tests.concurrency import at_once
from tests.conftest import postgresql_only_and_restored
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

# Each test commits for real and flushes the database afterwards; the module puts back what the
# migrations wrote when it is done.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


_postgresql_only_and_restored = postgresql_only_and_restored(
    reason="Concurrent writes are tested on PostgreSQL (DATABASE_URL=postgres://…)."
)


def client_at_preview(*, user, verwaltung, dienst, gemeinden=None) -> tuple[Client, dict]:
    """A signed-in client on the review, and what its "Kostenfrei bestellen" posts."""
    client = Client()
    client.force_login(user)
    basket_add(client, dienst)
    steps_post(client, step_posts(verwaltung=verwaltung, dienste=[dienst], gemeinden=gemeinden))
    return client, place_order_data(client.get(reverse("checkout:preview")))


def place_at_once(reviews: list[tuple[Client, dict]]) -> list:
    """POST "place order" from each client's review in its own thread (own database
    connection)."""
    return at_once(
        *(
            lambda client=client, review=review: client.post(reverse("checkout:preview"), review)
            for client, review in reviews
        )
    )


@pytest.fixture
def setting():
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    return {"amt": amt, "dienst": dienst_create(title="Gewerbeanmeldung online")}


def both_check_before_either_writes(monkeypatch) -> None:
    """From now on, two placing requests both pass the checkout's checks before either writes
    anything."""
    both_checked = threading.Barrier(2)
    original_plan = selectors.order_plan

    waited = threading.local()

    def plan_then_wait(**kwargs):
        plan = original_plan(**kwargs)
        if not getattr(waited, "once", False):  # the first check of each request
            waited.once = True
            both_checked.wait(timeout=30)
        return plan

    monkeypatch.setattr(selectors, "order_plan", plan_then_wait)


def test_two_members_order_the_same_service_for_the_same_gemeinden(setting, monkeypatch):
    amt, dienst = setting["amt"], setting["dienst"]
    reviews = [
        client_at_preview(user=member_create(verwaltung=amt), verwaltung=amt, dienst=dienst)
        for _ in range(2)
    ]
    both_check_before_either_writes(monkeypatch)

    responses = place_at_once(reviews)

    assert sorted(r.status_code for r in responses) == [200, 302]
    placed = next(r for r in responses if r.status_code == 302)
    refused = next(r for r in responses if r.status_code == 200).content.decode()
    assert placed["Location"] == reverse("checkout:thank-you")
    assert "Die Bestellung wurde nicht aufgegeben" in refused
    assert (
        "ist für alle gewählten Gemeinden bereits bestellt" in refused
        or "hat jemand anderes mindestens einen dieser Dienste" in refused
    )
    assert Order.objects.count() == 1
    assert OrderDetails.objects.count() == 1
    assert ServiceCoverage.objects.count() == 2
    assert AcceptanceRecord.objects.count() == 1


def test_overlapping_orders_at_once_never_drop_a_gemeinde_of_the_review(setting, monkeypatch):
    """One member orders for both Gemeinden, another for one of them, at the same moment: the
    one placed sets up exactly what its review showed; the other is refused, nothing of it
    kept."""
    amt, dienst = setting["amt"], setting["dienst"]
    first, second = amt.gemeinden.order_by("name")
    both, one = (
        client_at_preview(
            user=member_create(verwaltung=amt), verwaltung=amt, dienst=dienst, gemeinden=chosen
        )
        for chosen in ([first, second], [first])
    )
    both_check_before_either_writes(monkeypatch)

    responses = place_at_once([both, one])

    assert sorted(r.status_code for r in responses) == [200, 302]
    assert Order.objects.count() == 1
    placed_for = {row.gemeinde for row in ServiceCoverage.objects.all()}
    winner = 0 if responses[0].status_code == 302 else 1
    assert placed_for == ({first, second} if winner == 0 else {first})
    refused = responses[1 - winner].content.decode()
    assert "Die Bestellung wurde nicht aufgegeben" in refused


def test_the_constraint_refuses_a_concurrent_second_row_for_a_gemeinde(setting):
    """Below the checkout: two transactions insert the same service for the same Gemeinde; the
    second waits for the first and then fails, whatever the application checked before."""
    amt, dienst = setting["amt"], setting["dienst"]
    user = member_create(verwaltung=amt)
    first_order = order_place(user=user, verwaltung=amt, dienste=[dienst])
    gemeinde = amt.gemeinden.first()
    ServiceCoverage.objects.filter(gemeinde=gemeinde).update(is_active=False)
    ordered_service = first_order.ozg_details.services.get()
    first_inserted = threading.Event()
    outcome: dict[str, object] = {}

    def insert(name: str, *, wait_for_other: bool) -> None:
        try:
            with transaction.atomic():
                ServiceCoverage.objects.create(
                    ordered_service=ordered_service,
                    dienst=dienst,
                    verwaltung=amt,
                    gemeinde=gemeinde,
                )
                if not wait_for_other:
                    first_inserted.set()
                    time.sleep(0.5)  # keep the transaction open while the other one tries
            outcome[name] = "committed"
        except IntegrityError:
            outcome[name] = "refused"
        finally:
            connection.close()

    first = threading.Thread(target=insert, args=("first",), kwargs={"wait_for_other": False})
    first.start()
    assert first_inserted.wait(timeout=30)
    second = threading.Thread(target=insert, args=("second",), kwargs={"wait_for_other": True})
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)

    assert outcome == {"first": "committed", "second": "refused"}
    assert ServiceCoverage.objects.filter(gemeinde=gemeinde, is_active=True).count() == 1


def test_the_same_basket_submitted_twice_at_once_places_one_order(setting):
    amt, dienst = setting["amt"], setting["dienst"]
    first, review = client_at_preview(
        user=member_create(verwaltung=amt), verwaltung=amt, dienst=dienst
    )
    second = Client()
    second.cookies = first.cookies  # the same browser session, two tabs

    responses = place_at_once([(first, review), (second, review)])

    assert all(r.status_code == 302 for r in responses)
    assert {r["Location"] for r in responses} == {reverse("checkout:thank-you")}
    assert Order.objects.count() == 1
    assert ServiceCoverage.objects.count() == 2
    # Whichever request saved the session last, it points at the order placed.
    thank_you = first.get(reverse("checkout:thank-you"))
    assert f"Bestellung {Order.objects.get().number}" in thank_you.content.decode()
