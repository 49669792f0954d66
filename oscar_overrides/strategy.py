"""Pricing and availability of the services: price zero, no tax, orderable only while the
service profile is published and the service is available (not "in Vorbereitung")."""

from oscar.apps.partner import availability, strategy

from shop.models import Dienst


class NotOrderable(availability.Unavailable):
    code = "not_orderable"
    message = "nicht bestellbar"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def is_purchase_permitted(self, quantity):
        return False, self.reason


class OncePerBasket(availability.Available):
    """A service is ordered once per order; its Gemeinden are chosen at checkout."""

    def is_purchase_permitted(self, quantity):
        if quantity > 1:
            return (
                False,
                "Dieser Dienst liegt bereits im Warenkorb; jeder Dienst wird einmal bestellt.",
            )
        return True, ""


class DienstStrategy(strategy.Default):
    def availability_policy(self, product, stockrecord):
        try:
            dienst = product.ozg_dienst
        except Dienst.DoesNotExist:
            return NotOrderable("Dieses Produkt ist kein Dienst des Shops.")
        if not dienst.is_orderable:
            return NotOrderable(dienst.unorderable_reason)
        if stockrecord is None:
            return NotOrderable(
                "Für diesen Dienst fehlt der Preiseintrag; bitte den ITVSH informieren."
            )
        return OncePerBasket()


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return DienstStrategy(request)
