import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard for the rollout: filters and export of the list, the municipal
    details on the order page, and status changes through shop.orders.rollout."""

    name = "oscar_overrides.dashboard.orders"
