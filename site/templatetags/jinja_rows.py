"""`{% jinja_rows "shop/orders/includes/service_rows.jinja" services=services … %}`: the rows
of a long table rendered by the Jinja2 engine (ozg_site.jinja2) with exactly the variables
named, inside a Django template."""

from django import template
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def jinja_rows(template_name: str, **variables) -> SafeString:
    # The Jinja2 template itself, not the backend's wrapper: the rows need neither the request
    # nor the context processors, which the wrapper would add for every table.
    rows = engines["jinja2"].get_template(template_name).template
    return mark_safe(rows.render(variables))  # noqa: S308 - Jinja2 escapes with autoescape on
