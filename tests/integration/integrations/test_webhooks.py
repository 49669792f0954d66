"""Signed webhooks, delivered over real HTTP to a local receiver that recomputes each signature:
written with what happened, sent after the commit (never after a rollback), retried after a
failing answer, logged with the answer, picked up by the sweep when no task ran."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from shop.integrations.webhooks import MAX_ATTEMPTS
from shop.integrations.webhooks import RETRY_DELAYS
from shop.integrations.webhooks import webhook_delivery_deliver
from shop.integrations.webhooks import webhook_delivery_resend
from shop.integrations.webhooks import webhook_event_publish
from shop.integrations.webhooks import webhook_sweep
from shop.models import WebhookDelivery
from shop.models import WebhookEvent
from shop.orders.messages import order_message_post
from shop.orders.rollout import lines_status_change
from tests.factories import dienst_create
from tests.factories import order_place

pytestmark = pytest.mark.django_db


def test_a_placed_order_is_delivered_signed_after_the_commit(
    subscription, receiver, amt, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])

    [request] = receiver.received
    assert request.signature_valid
    assert request.headers["X-OZG-Event"] == "bestellung.eingegangen"
    delivery = WebhookDelivery.objects.get()
    assert request.headers["X-OZG-Delivery"] == str(delivery.delivery_id)
    assert request.json["id"] == str(delivery.delivery_id)
    data = request.json["data"]
    assert data["order_number"] == order.number
    assert data["verwaltung"]["regional_key"] == "010585890"
    assert data["positions"][0]["dienst"]["title"] == "Wohngeld"
    assert data["positions"][0]["position_id"] == order.lines.get().pk
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)
    assert delivery.response_excerpt == "ok"
    assert delivery.duration_ms is not None


def test_a_wrong_secret_is_noticed_by_the_receiver(subscription, receiver, order_for_hooks):
    receiver.secret = "ein-anderes-geheimnis"

    webhook_sweep()

    assert not receiver.received[0].signature_valid
    delivery = WebhookDelivery.objects.get()
    assert delivery.response_status == 401
    assert delivery.status == "pending"


@pytest.fixture
def order_for_hooks(amt, member):
    """An order placed while nothing ran after the commit: its delivery waits in the table."""
    return order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])


def test_no_delivery_when_the_transaction_rolls_back(
    subscription, receiver, amt, member, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])
        raise Abort

    assert WebhookDelivery.objects.count() == 0
    assert receiver.received == []


def test_a_failing_receiver_is_retried_with_backoff_then_delivered(
    subscription, receiver, order_for_hooks
):
    receiver.answers = [503]
    delivery = WebhookDelivery.objects.get()

    assert webhook_delivery_deliver(delivery_id=delivery.pk) == "pending"
    delivery.refresh_from_db()
    assert delivery.response_status == 503
    assert delivery.last_error == "Der Empfänger antwortete mit HTTP 503."
    assert delivery.response_excerpt == "Fehler 503"
    wait = delivery.next_attempt_at - delivery.last_attempt_at
    assert abs(wait - RETRY_DELAYS[0]) < datetime.timedelta(seconds=2)
    # Not due yet: the sweep leaves it.
    assert webhook_sweep().delivered == 0

    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    assert webhook_sweep().delivered == 1

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("delivered", 2, "")
    first, second = receiver.received
    assert first.headers["X-OZG-Delivery"] == second.headers["X-OZG-Delivery"]
    assert second.signature_valid


def test_an_unreachable_receiver_fails_after_the_last_attempt(subscription, order_for_hooks):
    # A port nobody listens on (the receiver of the subscription is stopped meanwhile).
    subscription.url = "http://127.0.0.1:9/weg"
    subscription.save()
    delivery = WebhookDelivery.objects.get()

    for _ in range(MAX_ATTEMPTS):
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        webhook_delivery_deliver(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert delivery.attempts == MAX_ATTEMPTS
    assert "ConnectionRefusedError" in delivery.last_error
    assert delivery.response_status is None


def test_staff_send_a_failed_delivery_again(
    subscription, receiver, order_for_hooks, django_capture_on_commit_callbacks
):
    WebhookDelivery.objects.update(status="failed", attempts=MAX_ATTEMPTS)
    delivery = WebhookDelivery.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        webhook_delivery_resend(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 1)
    assert receiver.received[0].signature_valid


def test_a_claimed_delivery_is_not_sent_twice(subscription, receiver, order_for_hooks):
    WebhookDelivery.objects.update(locked_until=timezone.now() + datetime.timedelta(minutes=1))

    assert webhook_sweep().delivered == 0
    assert receiver.received == []

    # The worker holding it died: its claim runs out, the sweep takes it up.
    WebhookDelivery.objects.update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    assert webhook_sweep().delivered == 1


def test_the_periodic_job_delivers_what_no_task_sent(subscription, receiver, order_for_hooks):
    call_command("deliver_mail", verbosity=0)

    assert WebhookDelivery.objects.get().status == "delivered"
    assert len(receiver.received) == 1


def test_status_changes_and_rueckfragen_are_events(
    subscription, receiver, order_for_hooks, member, django_capture_on_commit_callbacks
):
    order = order_for_hooks
    with django_capture_on_commit_callbacks(execute=True):
        lines_status_change(lines=list(order.lines.all()), new_status="In Prüfung", user=None)
        order_message_post(
            details=order.ozg_details, author=member, text="Wann geht es los?", from_staff=False
        )

    events = {r.headers["X-OZG-Event"]: r.json["data"] for r in receiver.received}
    assert events["status.geaendert"]["old_status"] == "Eingegangen"
    assert events["status.geaendert"]["new_status"] == "In Prüfung"
    assert events["status.geaendert"]["order_number"] == order.number
    assert events["rueckfrage.neu"]["text"] == "Wann geht es los?"
    assert all(r.signature_valid for r in receiver.received)


def test_only_subscribed_events_and_active_subscriptions_get_deliveries(subscription, amt):
    subscription.events = [WebhookEvent.STATUS_CHANGED]
    subscription.save()

    assert webhook_event_publish(event=WebhookEvent.ORDER_PLACED, payload={}) == 0
    assert webhook_event_publish(event=WebhookEvent.STATUS_CHANGED, payload={}) == 1

    subscription.is_active = False
    subscription.save()
    assert webhook_event_publish(event=WebhookEvent.STATUS_CHANGED, payload={}) == 0


def test_onboarding_completed_can_be_published(subscription, receiver):
    webhook_event_publish(
        event=WebhookEvent.ONBOARDING_COMPLETED, payload={"position_id": 1, "verwaltung_id": 2}
    )
    webhook_sweep()

    assert receiver.received[0].headers["X-OZG-Event"] == "onboarding.vollstaendig"


@override_settings(WEBHOOK_ALLOW_PRIVATE_URLS=False)
def test_in_production_an_address_resolving_inside_is_not_called(subscription, order_for_hooks):
    # The subscription's address (127.0.0.1) was allowed when it was saved (development); at
    # delivery time the check is made again.
    webhook_sweep()

    delivery = WebhookDelivery.objects.get()
    assert delivery.response_status is None
    assert "interne Adresse" in delivery.last_error
