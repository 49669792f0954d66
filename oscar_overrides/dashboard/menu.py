"""The dashboard's menu for a person (Oscar's `get_nodes`, which its `dashboard_navigation` tag
loads through the class loader): Oscar builds the menu from OSCAR_DASHBOARD_NAVIGATION and checks
every entry on every page. Which entries a person sees depends only on their account flags and
permissions (oscar_overrides.dashboard.nav), so the filtered menu, and its HTML
(`navigation_html`, the layout's `{% dashboard_menu %}`), is built once per such set and worker;
a change of a person's or group's permissions is a different set."""

import threading

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from oscar.apps.dashboard import menu

# A handful of sets in practice (fulfilment, superusers, partner users); the bound only keeps a
# worker's memory fixed should permissions be granted person by person.
MAX_MENUS = 64

_menus: dict[tuple, list] = {}
_navigations: dict[tuple, SafeString] = {}
_lock = threading.Lock()


def _kept(kept: dict, key: tuple, build):
    value = kept.get(key)
    if value is None:
        value = build()
        with _lock:
            if len(kept) >= MAX_MENUS:
                kept.clear()
            kept[key] = value
    return value


def _permission_set(user) -> tuple:
    return (user.is_active, user.is_staff, user.is_superuser, frozenset(user.get_all_permissions()))


def get_nodes(user):
    """The visible entries for `user`; the same (shared, not to be changed) list for everyone
    with the same flags and permissions."""
    return _kept(_menus, _permission_set(user), lambda: menu.get_nodes(user))


def navigation_html(user) -> SafeString:
    """The menu bar of the visible entries (oscar/dashboard/partials/navigation.html)."""
    return _kept(
        _navigations,
        _permission_set(user),
        lambda: render_to_string(
            "oscar/dashboard/partials/navigation.html", {"nav_items": get_nodes(user)}
        ),
    )
