"""The Jinja2 environment of the rows of the long tables (Meine Dienste, the dashboard's order
list): rendering a row there costs a fraction of Django's template engine (docs/performance.md),
while the page around it stays a Django template that includes the rows with `{% jinja_rows %}`
(site/templatetags/jinja_rows.py). The filters are Django's own, so a date or a plural reads the
same in both engines."""

from django.template import defaultfilters
from django.urls import reverse
from django.utils.timezone import template_localtime
from jinja2 import Environment


def date(value, format_string: str) -> str:
    """Django's `date` filter, in the current time zone as Django's engine renders it."""
    return defaultfilters.date(template_localtime(value), format_string)


def environment(**options) -> Environment:
    # Django's backend passes autoescape=True; said again here so that no caller can lose it.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.filters.update(
        date=date,
        pluralize=defaultfilters.pluralize,
        urlencode=defaultfilters.urlencode,
    )
    env.globals["url"] = reverse
    return env
