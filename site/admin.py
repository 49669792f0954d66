from django.contrib.admin import AdminSite
from django.http import HttpRequest


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
