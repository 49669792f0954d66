"""Who sees which entry of the dashboard's menu (OSCAR_DASHBOARD_NAVIGATION): Oscar's default
check, once per view rather than once per entry and page, and the shop's own staff pages, which
Oscar's check does not know."""

import functools

from django.urls import resolve, reverse
from oscar.apps.dashboard.nav import _dashboard_url_names_to_config, default_access_fn
from oscar.views.decorators import check_permissions


@functools.cache
def _view_permissions(url_name: str):
    """The permissions the dashboard view behind `url_name` requires; they are declared in the
    dashboard's app configs and do not change while the process runs."""
    view_name = resolve(reverse(url_name)).url_name
    return _dashboard_url_names_to_config()[view_name].get_permissions(view_name)


def dashboard_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar's default_access_fn without reversing and resolving each entry's URL again on every
    page (a sixth of the order list's time)."""
    if url_name is None:  # a heading
        return True
    if url_args or url_kwargs:
        return default_access_fn(user, url_name, url_args, url_kwargs)
    return check_permissions(user, _view_permissions(url_name))


def coverage_report_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff and user.has_perm("shop.view_servicecoverage")


def outgoing_mail_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff and user.has_perm("shop.view_outgoingmail")


def integrations_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_active and user.is_staff and user.has_perm("shop.manage_integrations")
