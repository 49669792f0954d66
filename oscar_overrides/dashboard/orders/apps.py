import oscar.apps.dashboard.orders.apps as apps
from django.urls import path


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard for the rollout: filters and export of the list, the municipal
    details on the order page, and status changes through shop.orders.rollout."""

    name = "oscar_overrides.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        # Oscar's order statistics are sales figures: superusers only.
        self.permissions_map["order-stats"] = ["is_superuser"]
        # Moving lines is changing orders: as on the order page, but without partner access.
        self.permissions_map["order-bulk-rollout"] = (
            ["is_staff", "order.change_order"],
            ["is_superuser"],
        )

    def get_urls(self):
        from .bulk_views import bulk_rollout

        bulk = path("positionen-umstellen/", bulk_rollout, name="order-bulk-rollout")
        return [*self.post_process_urls([bulk]), *super().get_urls()]
