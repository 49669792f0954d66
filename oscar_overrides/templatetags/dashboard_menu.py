from django import template

from oscar_overrides.dashboard.menu import navigation_html

register = template.Library()


@register.simple_tag
def dashboard_menu(user):
    """The dashboard's menu bar for the person, written once per set of permissions."""
    return navigation_html(user)
