import oscar.apps.dashboard.apps as apps
from django.apps import apps as registry

# Oscar lets every staff member into every part of its dashboard. The shop's staff: Fulfilment
# works orders and the e-mail texts (its report is the shop's coverage report); catalogue,
# offers, vouchers, users, partners, pages, ranges, reviews, shipping and Oscar's sales reports
# are for superusers (services come from Wagtail).
SUPERUSERS_ONLY = (
    "catalogue_dashboard",
    "offers_dashboard",
    "vouchers_dashboard",
    "users_dashboard",
    "partners_dashboard",
    "pages_dashboard",
    "ranges_dashboard",
    "reviews_dashboard",
    "shipping_dashboard",
    "reports_dashboard",
)
STAFF_PERMISSION = {
    "communications_dashboard": "communication.change_communicationeventtype",
}


class DashboardConfig(apps.DashboardConfig):
    """Forked so that Oscar's class loader finds the forked sub-apps below it (dashboard.orders),
    and to narrow who may use which part."""

    name = "oscar_overrides.dashboard"

    def get_urls(self):
        # After every app's ready() (which sets up its permissions), before the URLs take them.
        for label in SUPERUSERS_ONLY:
            config = registry.get_app_config(label)
            config.default_permissions = ["is_superuser"]
            config.permissions_map = {}
        for label, permission in STAFF_PERMISSION.items():
            config = registry.get_app_config(label)
            config.default_permissions = ["is_staff", permission]
            config.permissions_map = {}
        return super().get_urls()
