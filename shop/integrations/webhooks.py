"""Signed webhooks: what happens in the shop (an order placed, a status changed, a Rückfrage,
onboarding data complete) is POSTed as JSON to every active subscription of that event.

- `webhook_event_publish` writes one WebhookDelivery per subscription in the current
  transaction; a rollback takes them away with what happened. After the commit a task
  (django-tasks) delivers each; should the queue not take it, `webhook_sweep` does.
- Each request carries `X-OZG-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>"
  with the subscription's secret>`, the event in `X-OZG-Event` and the delivery's id in
  `X-OZG-Delivery` (the same on every attempt: the receiver's key against duplicates, since
  delivery is at least once).
- A 2xx answer delivers it; anything else (another status, a timeout, a refused connection) is
  retried after RETRY_DELAYS, then the delivery is `failed`, with the answer of each latest
  attempt in the delivery log (dashboard „Webhooks“ → „Zustellungen“), where staff send it again.
- A worker claims a delivery with one conditional UPDATE; a claim of a worker that died runs out
  after CLAIM_DURATION and `webhook_sweep` (`manage.py deliver_mail`, every minute) takes it up.
"""

import hashlib
import hmac
import http.client
import json
import logging
import socket
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from shop import outbox
from shop.models import WebhookDelivery, WebhookEvent, WebhookSubscription

from .addresses import webhook_url_resolve

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-OZG-Signature"
# A receiver should refuse a signature older than this (a replayed request); see the docs.
SIGNATURE_TOLERANCE_SECONDS = 300
RETRY_DELAYS = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# Far longer than one request may take (WEBHOOK_TIMEOUT_SECONDS for connect and answer).
CLAIM_DURATION = timedelta(minutes=2)
RESPONSE_EXCERPT_BYTES = 500


class DeliveryResendError(Exception):
    """Why a delivery cannot be sent again; the message is German, for staff."""


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The value of X-OZG-Signature for `body` sent at `timestamp` (Unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def webhook_signature_verify(
    *, secret: str, header: str, body: bytes, now: float | None = None
) -> bool:
    """A receiver's check, as docs/schnittstellen.md shows it: the signature fits the body and
    is at most SIGNATURE_TOLERANCE_SECONDS old."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def webhook_event_publish(*, event: str, payload: dict) -> int:
    """Deliver `payload` as `event` to every active subscription of that event, after the
    current transaction commits (and not at all if it rolls back). Returns how many deliveries
    were written; one query when nobody subscribed."""
    return webhook_events_publish(event=event, payloads=[payload])


def webhook_events_publish(*, event: str, payloads: Iterable[dict]) -> int:
    """`webhook_event_publish` for many events of one kind (a bulk status change): one query
    for the subscriptions, one insert for all deliveries."""
    if event not in WebhookEvent.values:
        raise ValueError(f"Unbekanntes Webhook-Ereignis: {event}")
    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(is_active=True).only("events")
        if event in subscription.events
    ]
    if not subscriptions:
        return 0
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            subscription=subscription,
            event=event,
            # Stored as JSON text: dates and decimals become strings once, here.
            payload=json.loads(json.dumps(payload, cls=DjangoJSONEncoder)),
            created_at=now,
            next_attempt_at=now,
        )
        for payload in payloads
        for subscription in subscriptions
    )
    ids = [delivery.pk for delivery in deliveries]
    if None in ids:  # a database without RETURNING on bulk inserts: the sweep delivers them
        return len(deliveries)
    _deliver_after_commit(delivery_ids=ids)
    return len(deliveries)


def _deliver_after_commit(*, delivery_ids: list[int]) -> None:
    def enqueue() -> None:
        for delivery_id in delivery_ids:
            webhook_delivery_task.enqueue(delivery_id=delivery_id)

    # robust: should the queue not take the tasks, the deliveries are stored and the sweep
    # sends them; the committed change must not turn into an error.
    transaction.on_commit(enqueue, robust=True)


def _body(delivery: WebhookDelivery) -> bytes:
    envelope = {
        "id": str(delivery.delivery_id),
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the address checked before (webhook_url_resolve), with the host name for TLS
    (SNI and certificate check) and the Host header."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


@dataclass(frozen=True)
class Answer:
    status: int
    excerpt: str


def _post(*, url: str, body: bytes, headers: dict[str, str]) -> Answer:
    """One POST, no redirects followed (a redirect could lead inside); OSError on network
    faults and timeouts."""
    host, port, address = webhook_url_resolve(url=url)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(
        host, port, address=address, timeout=settings.WEBHOOK_TIMEOUT_SECONDS
    )
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        excerpt = response.read(RESPONSE_EXCERPT_BYTES).decode("utf-8", errors="replace")
        return Answer(status=response.status, excerpt=excerpt)
    except http.client.HTTPException as error:
        raise OSError(f"Ungültige HTTP-Antwort: {error}") from error
    finally:
        connection.close()


def webhook_delivery_deliver(*, delivery_id: int) -> str | None:
    """One attempt, if the delivery is due and no other worker holds it. Returns its status
    afterwards, None when it was not this call's to send."""
    claimed_until = outbox.claim(
        model=WebhookDelivery, pk=delivery_id, max_attempts=MAX_ATTEMPTS, duration=CLAIM_DURATION
    )
    if claimed_until is None:
        return None
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    body = _body(delivery)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "OZG-Dienste-Shop-Webhook/1",
        "X-OZG-Event": delivery.event,
        "X-OZG-Delivery": str(delivery.delivery_id),
        SIGNATURE_HEADER: webhook_signature(
            secret=subscription.secret, timestamp=int(time.time()), body=body
        ),
    }
    started = time.monotonic()
    answer, error_text = None, ""
    if not subscription.is_active:
        error_text = "Der Webhook ist deaktiviert."
    else:
        try:
            answer = _post(url=subscription.url, body=body, headers=headers)
        except OSError as error:
            error_text = f"{type(error).__name__}: {error}"
        # Anything else is a fault of this delivery; it must not stop the worker.
        except Exception as error:
            error_text = f"{type(error).__name__}: {error}"
            logger.exception("Webhook-Zustellung %s: unerwarteter Fehler", delivery_id)
    outcome = {
        "locked_until": None,
        "last_attempt_at": timezone.now(),
        "duration_ms": int((time.monotonic() - started) * 1000),
        "response_status": answer.status if answer else None,
        "response_excerpt": answer.excerpt if answer else "",
        "last_error": error_text,
    }
    if answer is not None and 200 <= answer.status < 300:
        status = WebhookDelivery.Status.DELIVERED
    elif answer is not None:
        outcome["last_error"] = f"Der Empfänger antwortete mit HTTP {answer.status}."
        status = _retry_or_fail(delivery=delivery, outcome=outcome)
    else:
        status = _retry_or_fail(delivery=delivery, outcome=outcome)
    outbox.ours(model=WebhookDelivery, pk=delivery_id, claimed_until=claimed_until).update(
        status=status, **outcome
    )
    if status == WebhookDelivery.Status.FAILED:
        logger.error("Webhook-Zustellung %s endgültig fehlgeschlagen", delivery_id)
    return status


def _retry_or_fail(*, delivery: WebhookDelivery, outcome: dict) -> str:
    if delivery.attempts < MAX_ATTEMPTS and delivery.subscription.is_active:
        outcome["next_attempt_at"] = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
        return WebhookDelivery.Status.PENDING
    return WebhookDelivery.Status.FAILED


@task()
def webhook_delivery_task(*, delivery_id: int) -> str | None:
    """The queue's entry point: one attempt of one delivery."""
    return webhook_delivery_deliver(delivery_id=delivery_id)


@transaction.atomic
def webhook_delivery_resend(*, delivery_id: int) -> WebhookDelivery:
    """Staff send a delivery again (with the same id, so the receiver may recognise it): due
    now, with all attempts of a new one, after the commit."""
    delivery = (
        WebhookDelivery.objects.select_for_update(of=("self",))
        .select_related("subscription")
        .get(pk=delivery_id)
    )
    if not delivery.subscription.is_active:
        raise DeliveryResendError("Der Webhook ist deaktiviert; aktivieren Sie ihn zuerst.")
    outbox.resend(
        row=delivery,
        in_attempt_error=DeliveryResendError(
            "Diese Zustellung läuft gerade; bitte gleich noch einmal sehen."
        ),
    )
    _deliver_after_commit(delivery_ids=[delivery.pk])
    return delivery


@dataclass(frozen=True)
class WebhookSweepResult:
    delivered: int
    retrying: int
    failed: int


def webhook_sweep() -> WebhookSweepResult:
    """Deliver every due delivery: retries whose time has come, those of dead workers, those
    whose task never ran. Safe to run in several processes at once."""
    outcomes = outbox.sweep(
        model=WebhookDelivery,
        max_attempts=MAX_ATTEMPTS,
        deliver=lambda delivery_id: webhook_delivery_deliver(delivery_id=delivery_id),
        abandoned_message="Die Zustellung wurde beim letzten Versuch abgebrochen (Worker beendet).",
    )
    return WebhookSweepResult(
        delivered=outcomes[WebhookDelivery.Status.DELIVERED],
        retrying=outcomes[WebhookDelivery.Status.PENDING],
        failed=outcomes[WebhookDelivery.Status.FAILED],
    )
