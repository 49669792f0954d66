"""Pricing and availability of the services: price zero, no tax, orderable only while the
service profile is published and the service is available (not "in Vorbereitung"), and only by
a person who may still order it (shop.orders.selectors.dienst_order_overviews): so "In den
Warenkorb" refuses such a service without changing the basket, and a basket line that became
refused since stops the checkout at its start."""

from oscar.apps.partner import availability, strategy

from shop.models import Dienst
from shop.orders.selectors import NOT_A_SERVICE, OrderRefusal, dienst_order_overviews


class NotOrderable(availability.Unavailable):
    code = "not_orderable"
    message = "nicht bestellbar"

    def __init__(self, reason: str, refusal: OrderRefusal | None = None) -> None:
        self.reason = reason
        self.refusal = refusal

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
    """One strategy per request. The Dienste behind the request's basket lines, and whether the
    person may order them, are read with a fixed number of queries when the first is needed, not
    per line."""

    def __init__(self, request=None):
        super().__init__(request)
        self._dienste: dict[int, Dienst | None] = {}
        self._refusals: dict[int, OrderRefusal | None] = {}  # by Dienst id

    def fetch_for_line(self, line, stockrecord=None):
        # The line carries its stockrecord (Oscar selects it with the line): no query for it.
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)

    def _dienst_for(self, product) -> Dienst | None:
        if product.pk not in self._dienste:
            basket = getattr(self.request, "_basket_cache", None)
            product_ids = {product.pk}
            if basket is not None and basket.id:
                product_ids.update(line.product_id for line in basket.all_lines())
            found = {d.product_id: d for d in Dienst.objects.filter(product_id__in=product_ids)}
            self._dienste.update({pk: found.get(pk) for pk in product_ids})
            user = getattr(self.request, "user", None)
            if user is not None:
                overviews = dienst_order_overviews(
                    user=user,
                    dienst_ids=[dienst.pk for dienst in found.values()],
                    dienste={dienst.pk: dienst for dienst in found.values()},
                )
                self._refusals.update({pk: overview.refusal for pk, overview in overviews.items()})
        return self._dienste[product.pk]

    def availability_policy(self, product, stockrecord):
        dienst = self._dienst_for(product)
        if dienst is None:
            return NotOrderable(NOT_A_SERVICE)
        if not dienst.is_orderable:
            return NotOrderable(dienst.unorderable_reason)
        refusal = self._refusals.get(dienst.pk)
        if refusal is not None:
            return NotOrderable(str(refusal), refusal=refusal)
        if stockrecord is None:
            return NotOrderable(
                "Für diesen Dienst fehlt der Preiseintrag; bitte den ITVSH informieren."
            )
        return OncePerBasket()


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return DienstStrategy(request)
