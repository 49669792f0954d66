"""Oscar's `currency` filter, saying "kostenfrei" for the services' zero price.

Installed into Oscar's own `currency_filters` library when the app is ready (apps.py), so that
Oscar's templates use it unchanged; a second library of the same name would clash
(templates.W003).
"""

from decimal import Decimal, InvalidOperation

from oscar.templatetags.currency_filters import currency as oscar_currency

FREE = "kostenfrei"


def currency(value, currency_format=None):
    try:
        if value is not None and Decimal(value) == 0:
            return FREE
    except (TypeError, InvalidOperation):
        pass
    return oscar_currency(value, currency_format)
