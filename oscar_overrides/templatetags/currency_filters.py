"""Oscar's `currency` filter, saying "kostenfrei" for the services' zero price.

Registered under Oscar's library name in settings.TEMPLATES (OPTIONS["libraries"]), which takes
precedence over the app's library, so Oscar's own templates use it unchanged.
"""

from decimal import Decimal, InvalidOperation

from django import template
from oscar.templatetags.currency_filters import currency as oscar_currency

register = template.Library()

FREE = "kostenfrei"


@register.filter(name="currency")
def currency(value, currency_format=None):
    try:
        if value is not None and Decimal(value) == 0:
            return FREE
    except (TypeError, InvalidOperation):
        pass
    return oscar_currency(value, currency_format)
