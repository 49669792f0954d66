from django.contrib.admin import AdminSite
from django.http import HttpRequest

# What Oscar registers for a webshop, by app label: None for the whole app, else the models. The
# shop's services are free and not delivered, so there are no prices, payments, shipping, offers,
# vouchers, wish lists, reviews, stock alerts or analytics to look after; the rows stay in the
# database (Oscar's own code reads them), only the admin does not offer them.
WEBSHOP_ADMIN: dict[str, set[str] | None] = {
    "analytics": None,
    "offer": None,
    "payment": None,
    "reviews": None,
    "shipping": None,
    "voucher": None,
    "wishlists": None,
    "customer": {"productalert"},
    "order": {
        "billingaddress",
        "lineprice",
        "orderdiscount",
        "paymentevent",
        "paymenteventtype",
        "shippingaddress",
        "shippingevent",
        "shippingeventtype",
        "surcharge",
    },
}


class SuperuserAdminSite(AdminSite):
    """Django's admin only for superusers; staff work in Wagtail and in Oscar's dashboard."""

    site_header = "OZG-Dienste-Shop: Systemverwaltung"
    site_title = "OZG-Dienste-Shop"
    index_title = "Systemverwaltung (nur Superuser)"

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser


def search_fields_without_username(site: AdminSite) -> None:
    """Oscar's admin classes also search `user__username` (or `owner__username`); the shop's
    user model has no user name (people sign in with their e-mail address, which they search as
    well), so every search in those lists was a FieldError. Those lookups are left out."""
    for model_admin in site._registry.values():
        searched = tuple(model_admin.search_fields or ())
        kept = tuple(field for field in searched if not field.endswith("__username"))
        if kept != searched:
            model_admin.search_fields = kept


def webshop_models_unregister(site: AdminSite) -> None:
    """Leaves out of the admin what WEBSHOP_ADMIN names."""
    for model in list(site._registry):
        models = WEBSHOP_ADMIN.get(model._meta.app_label, set())
        if models is None or model._meta.model_name in models:
            site.unregister(model)
