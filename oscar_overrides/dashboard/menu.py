"""The dashboard's menu for a person (Oscar's `get_nodes`, which its `dashboard_navigation` tag
loads through the class loader): Oscar builds the menu from OSCAR_DASHBOARD_NAVIGATION and checks
every entry on every page. Which entries a person sees depends only on their account flags and
permissions (oscar_overrides.dashboard.nav), so the filtered menu is built once per such set and
worker; a change of a person's or group's permissions is a different set."""

import threading

from oscar.apps.dashboard import menu

# A handful of sets in practice (fulfilment, superusers, partner users); the bound only keeps a
# worker's memory fixed should permissions be granted person by person.
MAX_MENUS = 64

_menus: dict[tuple, list] = {}
_lock = threading.Lock()


def get_nodes(user):
    """The visible entries for `user`; the same (shared, not to be changed) list for everyone
    with the same flags and permissions."""
    key = (
        user.is_active,
        user.is_staff,
        user.is_superuser,
        frozenset(user.get_all_permissions()),
    )
    nodes = _menus.get(key)
    if nodes is None:
        nodes = menu.get_nodes(user)
        with _lock:
            if len(_menus) >= MAX_MENUS:
                _menus.clear()
            _menus[key] = nodes
    return nodes
