from django.contrib.admin import AdminSite
from django.http import HttpRequest


class SuperuserAdminSite(AdminSite):
    """Django's admin only for superusers; staff work in Wagtail and in Oscar's dashboard."""

    site_header = "OZG-Dienste-Shop: Systemverwaltung"
    site_title = "OZG-Dienste-Shop"
    index_title = "Systemverwaltung (nur Superuser)"

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser
