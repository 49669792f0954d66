"""Django admin, for superusers only; editors and fulfilment staff work in Wagtail and Oscar."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .agreements.django_admin import AcceptanceRecordAdmin
from .models import AcceptanceRecord, Gemeinde, Membership, User, Verwaltung

# Read-only for everybody, superusers included: acceptance records are evidence.
admin.site.register(AcceptanceRecord, AcceptanceRecordAdmin)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("first_name", "last_name")}),
        (
            "Berechtigungen",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Daten", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Verwaltung)
class VerwaltungAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "regional_key", "ags", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "regional_key", "ags"]
    raw_id_fields = ["kreis"]


@admin.register(Gemeinde)
class GemeindeAdmin(admin.ModelAdmin):
    list_display = ["name", "ags", "ars", "verwaltung", "population", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "ags", "ars"]
    raw_id_fields = ["kreis", "verwaltung"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "verwaltung", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["user__email", "verwaltung__name"]
    raw_id_fields = ["user", "verwaltung"]
