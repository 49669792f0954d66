"""`{% jinja_include "shop/orders/overview.jinja" page=page … %}`: a part of a page rendered by
the Jinja2 engine (ozg_site.jinja2) with exactly the variables named, inside a Django template:
the frame's header and footer, the bodies and rows of the long lists."""

from django import template
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def jinja_include(template_name: str, **variables) -> SafeString:
    # The Jinja2 template itself, not the backend's wrapper: the part needs neither the request
    # nor the context processors, which the wrapper would add for every include.
    part = engines["jinja2"].get_template(template_name).template
    return mark_safe(part.render(variables))  # noqa: S308 - Jinja2 escapes with autoescape on
