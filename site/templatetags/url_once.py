"""Django's `{% url %}`, loaded as a builtin in place of Django's own: an address without
arguments ("basket:summary", "customer:logout": the frame of every page has a dozen) is worked
out once per process rather than once per page, as the URLconf does not change while the
process runs. Addresses with arguments, and names that do not resolve, go through Django's tag
unchanged."""

import functools

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@functools.cache
def _reverse(view_name: str, current_app: str | None, script_prefix: str, urlconf) -> str:
    # The script prefix and URLconf are part of the key: reverse() reads both.
    return reverse(view_name, current_app=current_app)


def argless_reverse(view_name: str, current_app: str | None = None) -> str:
    """reverse(view_name) for a name without arguments, once per process."""
    return _reverse(view_name, current_app, get_script_prefix(), get_urlconf())


def _current_app(context) -> str | None:
    # As Django's URLNode finds it.
    request = getattr(context, "request", None)
    if hasattr(request, "current_app"):
        return request.current_app
    return getattr(getattr(request, "resolver_match", None), "namespace", None)


class ArglessURLNode(defaulttags.URLNode):
    def render(self, context):
        if self.args or self.kwargs:
            return super().render(context)
        view_name = self.view_name.resolve(context)
        try:
            url = argless_reverse(view_name, _current_app(context))
        except NoReverseMatch:
            return super().render(context)
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return ArglessURLNode(node.view_name, node.args, node.kwargs, node.asvar)
