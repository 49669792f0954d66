"""Two timings of the rollout at Land scale, in process against the bench database with its
production settings (as bench.ordering):

- bulk rollout: 200 positions of the dataset moved on in ONE request of the dashboard's
  „Mehrere Positionen umstellen“ (preview, then the timed confirmation: lock, check, write, the
  orders' statuses, one e-mail per order, the webhooks). Inside a transaction that is rolled
  back afterwards, so that every run finds the same 200 positions: the commit is not timed.
- webhook fan-out: 1,000 status events to one subscription, written in one transaction (timed:
  `webhook_events_publish`), then delivered by one process (`webhook_sweep`, timed) to a local
  receiver (shop.integrations.receiver, a threading http.server that checks each signature).
  The subscription and its deliveries are deleted afterwards.

Run as `python -m bench.integrations`; prints one JSON object.
"""

import json
import re
import sys
import time

import django

BULK_LINES = 200
EVENTS = 1000


class Rollback(Exception):
    pass


def bulk_rollout() -> dict:
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from bench.dataset import STAFF_EMAIL
    from shop.models import OrderedService, User

    # Eingegangen → In Prüfung: a step every such position may take, without address or reason.
    lines = list(
        OrderedService.objects.filter(line__status="Eingegangen")
        .order_by("line_id")
        .values_list("line_id", "line__order_id")[:BULK_LINES]
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(User.objects.get(email=STAFF_EMAIL))
    url = reverse("dashboard:order-bulk-rollout")
    form = {"selected_line": [line for line, _ in lines], "new_status": "In Prüfung"}
    started = time.perf_counter()
    preview = client.post(url, {"action": "preview", **form})
    preview_ms = (time.perf_counter() - started) * 1000
    token = re.search(r'name="selection" value="([^"]+)"', preview.content.decode())
    if token is None:
        raise SystemExit(f"Vorschau der Umstellung ohne Auswahl: {preview.status_code}")
    try:
        with transaction.atomic():
            started = time.perf_counter()
            response = client.post(url, {"action": "confirm", "selection": token.group(1)})
            confirm_ms = (time.perf_counter() - started) * 1000
            if response.status_code != 302:
                raise SystemExit(f"Umstellung nicht bestätigt: {response.status_code}")
            raise Rollback
    except Rollback:
        pass
    return {
        "lines": len(lines),
        "orders": len({order for _, order in lines}),
        "preview_ms": round(preview_ms, 1),
        "confirm_ms": round(confirm_ms, 1),
    }


def fan_out() -> dict:
    from django.db import transaction

    from shop.integrations.receiver import WebhookReceiver
    from shop.integrations.services import webhook_subscription_create
    from shop.integrations.webhooks import webhook_events_publish, webhook_sweep
    from shop.models import WebhookEvent, WebhookSubscription

    with WebhookReceiver() as receiver:
        new = webhook_subscription_create(
            name="Benchmark",
            url=receiver.url,
            events=[WebhookEvent.STATUS_CHANGED],
            created_by=None,
        )
        receiver.secret = new.secret
        try:
            payloads = (
                {"order_number": str(100000 + n), "position_id": n, "new_status": "Live"}
                for n in range(EVENTS)
            )
            started = time.perf_counter()
            with transaction.atomic():
                webhook_events_publish(event=WebhookEvent.STATUS_CHANGED, payloads=payloads)
                # The tasks queued at the commit would deliver them; the sweep delivers them
                # below instead, so that writing and delivering are timed apart.
                transaction.get_connection().run_on_commit.clear()
            publish_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            result = webhook_sweep()
            deliver_s = time.perf_counter() - started
        finally:
            WebhookSubscription.objects.filter(pk=new.subscription.pk).delete()
    return {
        "events": EVENTS,
        "publish_ms": round(publish_ms, 1),
        "deliver_s": round(deliver_s, 2),
        "per_second": round(result.delivered / deliver_s, 1),
        "delivered": result.delivered,
        "signatures_valid": sum(item.signature_valid for item in receiver.received),
    }


def main() -> None:
    django.setup()
    json.dump({"bulk": bulk_rollout(), "fan_out": fan_out()}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
