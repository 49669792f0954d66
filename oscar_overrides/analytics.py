"""Oscar's analytics app, installed for its models (Oscar's migrations and its reports
dashboard refer to them) but without its signal receivers.

The shop does not use the counters (product views, basket additions, orders, searches), and
they broke requests: the first basket additions of a service at the same moment each found no
counter row and created one, all but one failed on the unique product (IntegrityError), and
Oscar's retry then ran in the aborted transaction (TransactionManagementError on PostgreSQL), a
500 for the person adding the service.
"""

from oscar.apps.analytics import apps


class AnalyticsWithoutCountersConfig(apps.AnalyticsConfig):
    def ready(self) -> None:
        super().ready()
        from oscar.apps.analytics import receivers
        from oscar.apps.basket.signals import basket_addition
        from oscar.apps.catalogue.signals import product_viewed
        from oscar.apps.order.signals import order_placed
        from oscar.apps.search.signals import user_search

        for signal, receiver in (
            (product_viewed, receivers.receive_product_view),
            (user_search, receivers.receive_product_search),
            (basket_addition, receivers.receive_basket_addition),
            (order_placed, receivers.receive_order_placed),
        ):
            signal.disconnect(receiver)
