import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard for the rollout: filters and export of the list, the municipal
    details on the order page, and status changes through shop.orders.rollout."""

    name = "oscar_overrides.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        # Oscar's order statistics are sales figures: superusers only.
        self.permissions_map["order-stats"] = ["is_superuser"]
