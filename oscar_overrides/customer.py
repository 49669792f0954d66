"""Oscar's customer and wish-list apps with only the account pages a municipal person has.

Oscar's address book, e-mail history, notifications, product alerts, wish lists, profile
deletion and order status pages for guests serve a webshop: the shop ships nothing, mails go
through its own outbox, a service is not "saved for later", a profile is not deleted (orders
belong to the Verwaltung and the acceptance records name the person as evidence) and nobody
orders without an account. Their URLs are left out, so that a typed address answers 404 like
any other unknown one. The apps stay installed for their models and Oscar's migrations.
"""

from oscar.apps.customer import apps as customer_apps
from oscar.apps.wishlists import apps as wishlists_apps

# Kept by name rather than removed, so that a page a newer Oscar adds stays hidden until the
# shop decides to offer it. The order pages lead to Meine Dienste (customer_views).
ACCOUNT_URL_NAMES = frozenset(
    {
        "login",
        "logout",
        "register",
        "summary",
        "change-password",
        "profile-view",
        "profile-update",
        "order-list",
        "order",
        "order-line",
    }
)


class CustomerConfig(customer_apps.CustomerConfig):
    def get_urls(self):
        return [url for url in super().get_urls() if url.name in ACCOUNT_URL_NAMES]


class WishlistsConfig(wishlists_apps.WishlistsConfig):
    def get_urls(self):
        return []
