"""The OZG catalogue in the Wagtail admin: editors browse the OZG-Leistungen and pick them in
choosers, read-only, because the catalogue changes only by `import_ozg_katalog`.

Registered from shop/wagtail_hooks.py with `register_snippet(OzgLeistungViewSet)`: Wagtail only
loads the wagtail_hooks module of an app, not of a package inside it.
"""

from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from shop.models import OzgLeistung

READ_ACTIONS = frozenset({"view"})


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only viewing, with the model's view permission; nobody adds, changes or deletes here,
    superusers included. Snippet choosers ask for no model permission: admin access suffices."""

    def user_has_permission(self, user, action: str) -> bool:
        return action in READ_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(READ_ACTIONS.intersection(actions))


# Wagtail 8 looks permission policies up in a registry; the policy must be registered before
# anything asks for the policy of OzgLeistung, which would fix the default one.
register_permission_policy(OzgLeistung, ReadOnlyPermissionPolicy(OzgLeistung))


class OzgLeistungInspectView(InspectView):
    """Also shows the Themenfeld (through the Lage) and the LeiKa-Leistungen."""

    labels = {"themenfeld": "Themenfeld", "leika_leistungen": "LeiKa-Leistungen"}

    def get_field_label(self, field_name, field) -> str:
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_themenfeld_display_value(self):
        return self.object.lage.themenfeld


class OzgLeistungViewSet(SnippetViewSet):
    model = OzgLeistung
    icon = "list-ul"
    menu_label = "OZG-Leistungen"
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = OzgLeistungInspectView
    inspect_view_fields = ["ozg_id", "name", "lage", "themenfeld", "leika_leistungen"]
    copy_view_enabled = False
    list_display = [
        "ozg_id",
        "name",
        "lage",
        Column(
            "themenfeld",
            label="Themenfeld",
            accessor=lambda leistung: leistung.lage.themenfeld,
            sort_key="lage__themenfeld__name",
        ),
    ]
    list_filter = ["lage__themenfeld"]
    list_per_page = 50
    # The search goes to the index, which holds name and OZG-ID (OzgLeistung.search_fields) and
    # which the import keeps up to date. No `search_fields` here: narrowing the fields breaks
    # the search on SQLite ("no such column: name").

    def get_queryset(self, request):
        return OzgLeistung.objects.select_related("lage__themenfeld")
