"""Acceptance records in the Django admin (superusers only): read, search, never change.

Registered from shop/admin.py with `admin.site.register(AcceptanceRecord, AcceptanceRecordAdmin)`.
"""

from django.contrib import admin
from django.http import HttpRequest

ACCEPTANCE_RECORD_FIELDS = (
    "order",
    "agreement_version",
    "text_sha256",
    "user",
    "person_name",
    "person_email",
    "verwaltung",
    "verwaltung_name",
    "accepted_at",
    "ip_address",
    "sequence",
    "previous_hash",
    "chain_hash",
)


class AcceptanceRecordAdmin(admin.ModelAdmin):
    """Nobody adds, changes or deletes here, superusers included: the change page shows the
    record read-only, and a POST to it or to the delete page is refused (403)."""

    list_display = [
        "accepted_at",
        "order",
        "agreement_version",
        "verwaltung_name",
        "person_name",
        "person_email",
    ]
    list_filter = ["agreement_version__agreement"]
    list_select_related = ["order", "agreement_version__agreement"]
    search_fields = ["order__number", "verwaltung_name", "person_name", "person_email"]
    date_hierarchy = "accepted_at"
    fields = ACCEPTANCE_RECORD_FIELDS
    readonly_fields = ACCEPTANCE_RECORD_FIELDS
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
