"""An order as its members meet it under Meine Dienste: the address of its page, and the address
its service is live at in the tests that take it live."""

from django.urls import reverse

LIVE_URL = "https://wohngeld.amt-huettener-berge.example/antrag"


def order_url(order) -> str:
    """The order's page under Meine Dienste."""
    return reverse("shop_orders:order", kwargs={"number": order.number})


def service_status_url(verwaltung, dienst) -> str:
    """The page of one ordered service of a Verwaltung under Meine Dienste (its status)."""
    return reverse(
        "shop_orders:service", kwargs={"verwaltung_id": verwaltung.pk, "dienst_id": dienst.pk}
    )
