"""The Jinja2 environment of the rows of the long tables (Meine Dienste, the dashboard's order
list): rendering a row there costs a fraction of Django's template engine (docs/performance.md),
while the page around it stays a Django template that includes the rows with `{% jinja_rows %}`
(site/templatetags/jinja_rows.py). The filters are Django's own, so a date or a plural reads the
same in both engines."""

import functools

from django.template import defaultfilters, defaulttags
from django.urls import reverse
from django.utils.timezone import template_localtime
from jinja2 import Environment

# Django's format characters that are numbers in every language, as strftime writes them.
_NUMERIC_FORMATS = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y", "H": "%H", "i": "%M", "s": "%S"}


@functools.lru_cache
def _strftime_format(format_string: str) -> str | None:
    """A format of numbers and punctuation only ("d.m.Y", "H:i") for strftime, which takes a
    fraction of the time of Django's formatter; None for one that names a day or month."""
    if any(char.isalpha() and char not in _NUMERIC_FORMATS for char in format_string):
        return None
    if "%" in format_string or "\\" in format_string:
        return None
    return "".join(_NUMERIC_FORMATS.get(char, char) for char in format_string)


def date(value, format_string: str) -> str:
    """Django's `date` filter, in the current time zone as Django's engine renders it."""
    if value in (None, ""):
        return ""
    value = template_localtime(value)
    numeric = _strftime_format(format_string)
    if numeric is not None and hasattr(value, "strftime"):
        return value.strftime(numeric)
    return defaultfilters.date(value, format_string)


def environment(**options) -> Environment:
    # Django's backend passes autoescape=True; said again here so that no caller can lose it.
    options.pop("autoescape", None)
    # Block tags leave no blank lines behind, as the page around them would otherwise grow by
    # a tenth in whitespace alone.
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(autoescape=True, **options)
    env.filters.update(
        date=date,
        pluralize=defaultfilters.pluralize,
        urlencode=defaultfilters.urlencode,
    )
    env.globals.update(
        url=reverse,
        # Django's {% querystring query seite=2 %}: the address's other parameters stay.
        querystring=functools.partial(defaulttags.querystring, None),
    )
    return env
