"""The municipal registry in the Wagtail admin (wagtail-modeladmin, as the design asks).

Editors browse it read-only: the registry changes only by importing the Gemeindeverzeichnis.
"""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html_join
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from .accounts import admin_views as membership_views
from .accounts.admin_views import DECIDE_PERMISSION
from .agreements.admin_views import AgreementViewSetGroup
from .catalogue.admin_views import OzgLeistungViewSet
from .interest import admin_views as interest_views
from .interest.admin_views import VIEW_PERMISSION as INTEREST_VIEW_PERMISSION
from .members import admin_views as member_admin_views
from .models import Gemeinde, Verwaltung
from .registry.selectors import registry_kind_choices

# The OZG catalogue: editors browse it and pick OZG-Leistungen for service profiles.
register_snippet(OzgLeistungViewSet)
# Agreements and their versions; acceptance records are deliberately not in the Wagtail admin.
register_snippet(AgreementViewSetGroup)


class GermanInspectView(InspectView):
    """Yes and no in words (modeladmin shows "True" and "False")."""

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return "ja" if value else "nein"
        return value


class ReadOnlyPermissionHelper(PermissionHelper):
    """Listing and inspecting need the view permission; nobody adds, edits or deletes here."""

    def user_can_list(self, user) -> bool:
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))

    def user_can_inspect_obj(self, user, obj) -> bool:
        return self.user_can_list(user)

    def user_can_create(self, user) -> bool:
        return False

    def user_can_edit_obj(self, user, obj) -> bool:
        return False

    def user_can_delete_obj(self, user, obj) -> bool:
        return False


class RegistryIndexView(IndexView):
    """wagtail-modeladmin's list reads every query parameter it does not know as a filter on the
    model; an unknown one (`?page=2`, a shared link with `?utm_source=`) or a filter value of the
    wrong kind raised IncorrectLookupParameters, a server error. Then the whole list is shown,
    with a note."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.warning(
                request, "Die Adresse enthielt einen unbekannten Filter. Angezeigt wird alles."
            )
            return redirect(request.path)


class KindInRegistryFilter(admin.SimpleListFilter):
    """ "Art" with only the kinds the imported registry has (a Land's own names: Landkreis and
    Samtgemeinde in Niedersachsen, Kreis and Amt in Schleswig-Holstein); the parameter of
    Django's field filter, so that links to it keep working."""

    title = "Art"
    parameter_name = "kind__exact"

    def lookups(self, request, model_admin):
        return registry_kind_choices(model=model_admin.model)

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class VerwaltungAdmin(ModelAdmin):
    model = Verwaltung
    index_view_class = RegistryIndexView
    menu_label = "Verwaltungen"
    menu_icon = "group"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    inspect_view_class = GermanInspectView
    inspect_view_fields = ["name", "kind", "regional_key", "ags", "kreis", "active"]
    inspect_template_name = "shop/modeladmin/verwaltung_inspect.html"
    list_display = ["name", "kind", "regional_key", "ags", "kreis", "gemeinden_count", "active"]
    list_filter = [KindInRegistryFilter, ("kreis", RelatedOnlyFieldListFilter), "active"]
    search_fields = ["name", "regional_key", "ags", "gemeinden__ags", "gemeinden__ars"]
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("kreis")
            .annotate(_gemeinden_count=Count("gemeinden", filter=Q(gemeinden__active=True)))
        )

    @admin.display(description="Gemeinden", ordering="_gemeinden_count")
    def gemeinden_count(self, obj) -> int:
        return obj._gemeinden_count


class GemeindeAdmin(ModelAdmin):
    model = Gemeinde
    index_view_class = RegistryIndexView
    menu_label = "Gemeinden"
    menu_icon = "home"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    inspect_view_class = GermanInspectView
    list_display = ["name", "ags", "ars", "verwaltung", "kreis", "population", "active"]
    list_filter = [KindInRegistryFilter, ("kreis", RelatedOnlyFieldListFilter), "active"]
    search_fields = ["name", "ags", "ars", "postcode"]
    list_per_page = 50
    inspect_view_fields = [
        "name",
        "kind",
        "ags",
        "ars",
        "verwaltung",
        "kreis",
        "population",
        "area_km2",
        "postcode",
        "latitude",
        "longitude",
        "active",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("verwaltung", "kreis")


class RegistryGroup(ModelAdminGroup):
    menu_label = "Kommunal\u00adregister"  # a soft hyphen: the sidebar wraps it, not cuts it
    menu_icon = "site"
    menu_order = 300
    items = (VerwaltungAdmin, GemeindeAdmin)


modeladmin_register(RegistryGroup)


@hooks.register("register_admin_urls")
def membership_admin_urls():
    return [
        path(
            "mitgliedschaften/",
            membership_views.pending_memberships,
            name="shop_memberships_pending",
        ),
        path(
            "mitgliedschaften/<int:pk>/",
            membership_views.decide_membership,
            name="shop_membership_decide",
        ),
        path("mitglieder/", member_admin_views.members, name="shop_members"),
        path("mitglieder/<int:pk>/", member_admin_views.member, name="shop_member"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html_join(
        "",
        '<link rel="stylesheet" href="{}">',
        ((static(name),) for name in ("css/wagtail_admin.css", "css/table_scroll.css")),
    )


@hooks.register("construct_homepage_panels")
def pending_memberships_panel(request, panels) -> None:
    if request.user.has_perm(DECIDE_PERMISSION):
        panels.append(membership_views.PendingMembershipsPanel())


# The admin's menu entries for the shop's own pages, each shown only with its permission:
# label (long words with a soft hyphen, where the sidebar wraps them), URL name, icon, place in
# the menu, permission.
ADMIN_MENU_ITEMS = (
    ("Mitgliedschafts\u00adanträge", "shop_memberships_pending", "group", 310, DECIDE_PERMISSION),
    ("Mitglieder", "shop_members", "user", 311, DECIDE_PERMISSION),
    ("Interesse an Diensten", "shop_interest_overview", "help", 320, INTEREST_VIEW_PERMISSION),
)


def _admin_menu_item_register(
    *, label: str, url_name: str, icon_name: str, order: int, permission: str
) -> None:
    """The hook builds the item when Wagtail builds its menu: reverse() needs the admin's URLs,
    which are not loaded yet when this module is imported."""
    hooks.register(
        "register_admin_menu_item",
        lambda: PermissionMenuItem(
            label, reverse(url_name), icon_name=icon_name, order=order, permission=permission
        ),
    )


for label, url_name, icon_name, order, permission in ADMIN_MENU_ITEMS:
    _admin_menu_item_register(
        label=label, url_name=url_name, icon_name=icon_name, order=order, permission=permission
    )


@hooks.register("register_admin_urls")
def interest_admin_urls():
    return [
        path("interessen/", interest_views.interest_overview, name="shop_interest_overview"),
        path(
            "interessen/<int:dienst_id>/",
            interest_views.interest_list,
            name="shop_interest_list",
        ),
    ]
