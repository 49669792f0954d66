"""The time to place an order: the checkout's final POST ("Bestellung absenden" on the preview),
in process with Django's test client against the bench database and its production settings.

Each order goes through the real checkout (the basket, then each step of
oscar_overrides.checkout.steps.STEPS up to the preview); only the final POST is timed:
shop.orders.services.order_place with its checks, Oscar's OrderCreator, the order details, the
acceptance records, the commit and the confirmation e-mail task. In process, so without the
~0.4 ms that the HTTP round trip through gunicorn adds (the minimal view's latency). The orders
are real and stay in the database; each run orders for the Verwaltung with the most services
not yet ordered.

Run as `python -m bench.ordering [COUNT]`; prints one JSON object.
"""

import json
import statistics
import sys
import time

import django

LINES_PER_ORDER = 2


def place_orders(count: int) -> dict:
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import reverse

    from shop.models import Dienst, ServiceCoverage, User, Verwaltung
    from shop.orders.selectors import dienst_order_overviews
    from tests.checkout import place_order_data, step_posts, steps_post

    verwaltung = (
        Verwaltung.objects.active()
        .filter(memberships__user__email__endswith="@kommune.example")
        .annotate(ordered=Count("ordered_services", filter=Q(ordered_services__is_active=True)))
        .order_by("ordered", "regional_key")
        .first()
    )
    user = User.objects.get(email=f"bestellung-{verwaltung.regional_key}@kommune.example")
    taken = set(
        ServiceCoverage.objects.filter(verwaltung=verwaltung, is_active=True).values_list(
            "dienst_id", flat=True
        )
    )
    available = {
        dienst.pk: dienst
        for dienst in Dienst.objects.filter(
            is_published=True, availability=Dienst.Availability.AVAILABLE
        ).order_by("pk")
        if dienst.pk not in taken
    }
    # Only what the shop lets this Verwaltung order (not a Kreis's service for an Amt).
    overviews = dienst_order_overviews(user=user, dienst_ids=available, dienste=available)
    free = [
        dienst
        for pk, dienst in available.items()
        if pk not in overviews or overviews[pk].refusal is None
    ]
    contacts = {
        "fachlich_name": "Frauke Fachlich",
        "fachlich_email": "fach@kommune.example",
        "technisch_name": "Tim Technik",
        "technisch_email": "it@kommune.example",
        "funktionspostfach_name": "Bürgerservice",
        "funktionspostfach_email": "postfach@kommune.example",
        "datenschutz_name": "Dana Datenschutz",
        "datenschutz_email": "ds@kommune.example",
    }
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    timings = []
    for index in range(count):
        dienste = free[index * LINES_PER_ORDER : (index + 1) * LINES_PER_ORDER]
        if len(dienste) < LINES_PER_ORDER:
            break
        for dienst in dienste:
            client.post(reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1})
        steps_post(client, step_posts(verwaltung=verwaltung, dienste=dienste, contacts=contacts))
        preview = client.get(reverse("checkout:preview"))
        if preview.status_code != 200:
            raise SystemExit(f"Vorschau der Kasse: {preview.status_code}")
        review = place_order_data(preview)
        started = time.perf_counter()
        response = client.post(reverse("checkout:preview"), review)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302 or "thank-you" not in response["Location"]:
            raise SystemExit(f"Bestellung nicht aufgegeben: {response.status_code}")
    if not timings:
        raise SystemExit("Keine Dienste mehr frei zum Bestellen.")
    timings.sort()
    return {
        "orders": len(timings),
        "lines_per_order": LINES_PER_ORDER,
        "verwaltung": verwaltung.name,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[min(len(timings) - 1, round(0.95 * len(timings)))], 1),
        "max_ms": round(timings[-1], 1),
        "mean_ms": round(statistics.fmean(timings), 1),
    }


def main() -> None:
    django.setup()
    json.dump(place_orders(int(sys.argv[1]) if len(sys.argv) > 1 else 30), sys.stdout)
    print()


if __name__ == "__main__":
    main()
