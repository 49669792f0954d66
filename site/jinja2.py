"""The Jinja2 environment of the hottest parts of the pages: every page's header and footer, the
bodies of Meine Dienste and a Verwaltung's order list, the rows of the dashboard's order list and
of the coverage map. Rendering there costs a fraction of Django's template engine
(docs/performance.md), while the page around stays a Django template that includes the part with
`{% jinja_include %}` (site/templatetags/jinja_include.py). The filters and tags are Django's
own or call the same functions, so a date, a plural or an address reads the same in both."""

import functools

from django.template import defaultfilters, defaulttags
from django.urls import reverse
from django.utils.timezone import template_localtime
from jinja2 import Environment

from cms_pages.templatetags import legal_links
from ozg_site.templatetags import site_identity
from ozg_site.templatetags.url_once import argless_reverse

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


def url(view_name: str, *, args=None, kwargs=None) -> str:
    """Django's {% url %}: without arguments once per process (ozg_site's url_once)."""
    if args or kwargs:
        return reverse(view_name, args=args, kwargs=kwargs)
    return argless_reverse(view_name)


def _with_request(tag):
    """A template tag that takes the context (legal_links, navigation_pages), called with the
    request alone."""
    return lambda request: tag({"request": request or None})


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
        url=url,
        coat_of_arms_url=site_identity.coat_of_arms_url,
        shop_land_name=site_identity.shop_land_name,
        legal_links=_with_request(legal_links.legal_links),
        navigation_pages=_with_request(legal_links.navigation_pages),
        # Django's {% querystring query seite=2 %}: the address's other parameters stay.
        querystring=functools.partial(defaulttags.querystring, None),
    )
    return env
