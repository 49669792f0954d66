"""Every URL pattern of the project, from the resolver: for the sweeps that request each URL
(tests/integration/site/test_isolation.py, tests/integration/site/test_odd_input.py,
tests/e2e/test_municipal_pages.py), so that a new URL is swept without anyone adding it to a
list."""

import dataclasses
import re
from collections.abc import Callable
from collections.abc import Iterator

from django.db.models import Model
from django.urls import URLPattern
from django.urls import URLResolver
from django.urls import get_resolver
from django.urls import resolve
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern
from django.utils.regex_helper import normalize


@dataclasses.dataclass(frozen=True)
class Route:
    """One URL pattern with the patterns of the resolvers above it."""

    patterns: tuple
    namespace: str
    name: str
    callback: Callable

    @property
    def qualified_name(self) -> str:
        """`namespace:name` as reverse() takes it; `?` for a pattern without a name."""
        return ":".join(filter(None, (self.namespace, self.name or "?")))

    @property
    def parameters(self) -> tuple[str, ...]:
        names: list[str] = []
        for pattern in self.patterns:
            if isinstance(pattern, RoutePattern):
                names += pattern.converters
            elif pattern.regex.groupindex:
                names += pattern.regex.groupindex
            else:
                names += [f"_{index}" for index in range(pattern.regex.groups)]
        return tuple(names)

    @property
    def int_parameters(self) -> frozenset[str]:
        """The parameters taken by Django's `int` converter (a regex group is text)."""
        return frozenset(
            name
            for pattern in self.patterns
            if isinstance(pattern, RoutePattern)
            for name, converter in pattern.converters.items()
            if isinstance(converter, IntConverter)
        )

    @property
    def key(self) -> str:
        """The name with the parameters: Oscar names two wish-list URLs twice."""
        return f"{self.qualified_name}({','.join(sorted(self.parameters))})"

    @property
    def text(self) -> str:
        return "/" + "".join(str(pattern) for pattern in self.patterns)

    def path(self, values: dict[str, object], *, check: bool = True) -> str:
        """The path with the given parameter values, without reverse() (many staff URLs have no
        name); checked by resolving it back to this pattern's view unless `check` is false (a
        value the pattern does not match)."""
        parts = []
        for pattern in self.patterns:
            if isinstance(pattern, RoutePattern):
                parts.append(ROUTE_PARAMETER.sub(lambda m: str(values[m[1]]), str(pattern)))
            else:
                template, names = normalize(pattern.regex.pattern)[0]
                parts.append(template % {name: values[name] for name in names})
        path = "/" + "".join(parts)
        if check and resolve(path).func is not self.callback:
            raise ShadowedRoute(f"{path} does not resolve to {self.text}")
        return path


class ShadowedRoute(ValueError):
    """The path reaches another view: an earlier pattern takes it (ozg_site.urls redirects
    Oscar's storefront that way), or a sample value does not fit."""


ROUTE_PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


def routes() -> Iterator[Route]:
    """Every URL pattern that a request can reach: a pattern behind an earlier one of the same
    route (ozg_site.urls corrects a view of Wagtail's admin that way) is left out."""
    seen: set[str] = set()
    for route in _all_routes(get_resolver().url_patterns):
        if route.text not in seen:
            seen.add(route.text)
            yield route


def _all_routes(patterns, parents: tuple = (), namespaces: tuple = ()) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _all_routes(entry.url_patterns, (*parents, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield Route(
                patterns=(*parents, entry.pattern),
                namespace=":".join(namespaces),
                name=entry.name or "",
                callback=entry.callback,
            )


def model_of(callback) -> type[Model] | None:
    """The model a view works on, where the view says so (Django's admin, Wagtail's and
    Oscar's class-based views)."""
    model_admin = getattr(callback, "model_admin", None)
    if model_admin is not None:
        return model_admin.model
    initkwargs = getattr(callback, "view_initkwargs", None) or {}
    model = initkwargs.get("model") or getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) and issubclass(model, Model) else None


# The URL namespaces in which a municipal person works with objects of a Verwaltung or of their
# own account: Meine Dienste, the account pages, Oscar's account, checkout and basket, and the
# JSON API (django-ninja).
MUNICIPAL_NAMESPACES = (
    "shop_orders",
    "shop_accounts",
    "customer",
    "checkout",
    "basket",
    "api",
)
# Oscar names its password reset pages (password-reset, password-reset-done, ...) outside any
# namespace.
PASSWORD_RESET_PREFIX = "password-reset"


def municipal_routes() -> list[Route]:
    """Every URL a municipal person reaches: the municipal namespaces and the password reset."""
    return [
        route
        for route in routes()
        if route.namespace in MUNICIPAL_NAMESPACES
        or (not route.namespace and route.name.startswith(PASSWORD_RESET_PREFIX))
    ]
