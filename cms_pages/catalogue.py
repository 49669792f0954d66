"""The catalogue's state as it travels in the URL: search, filters, sorting and page.

Invalid or unknown values are dropped, never an error: a shared or hand-edited link still works.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.http import QueryDict

from .profile_fields import CATALOGUE_FILTERS

SORT_BY_NAME = "name"
SORT_NEWEST = "neu"
SORT_RELEVANCE = "relevanz"
SORT_OPTIONS = {
    SORT_RELEVANCE: "Relevanz",
    SORT_BY_NAME: "Name (A bis Z)",
    SORT_NEWEST: "Neueste zuerst",
}
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 60


# Control characters never belong in a search or a filter; PostgreSQL refuses NUL in text.
_CONTROL_CHARACTERS = dict.fromkeys(range(32), " ") | {127: " "}


def _clean_text(value: str) -> str:
    return value.translate(_CONTROL_CHARACTERS)


def _search_text(value: str) -> str:
    """Words separated by single spaces. Paired double quotes search for a phrase; an unpaired
    one would be a syntax error in SQLite's full-text search, so then no quote counts."""
    text = " ".join(_clean_text(value).split())[:MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        text = " ".join(text.replace('"', " ").split())
    return text


def _clean_slugs(values: list[str]) -> tuple[str, ...]:
    cleaned = []
    for value in values[:MAX_VALUES_PER_FILTER]:
        value = _clean_text(value).strip()
        if value and len(value) <= 200 and value not in cleaned:
            cleaned.append(value)
    return tuple(cleaned)


@dataclass(frozen=True)
class CatalogueQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params: QueryDict) -> "CatalogueQuery":
        text = _search_text(params.get("q", ""))
        filters = {}
        for catalogue_filter in CATALOGUE_FILTERS:
            values = _clean_slugs(params.getlist(catalogue_filter.parameter))
            allowed = catalogue_filter.allowed_values
            if allowed is not None:
                values = tuple(value for value in values if value in allowed)
            if values:
                filters[catalogue_filter.parameter] = values
        sort = params.get("sortierung", "")
        if sort not in SORT_OPTIONS or (sort == SORT_RELEVANCE and not text):
            sort = ""
        try:
            page = max(1, min(int(params.get("seite", "1")), 10_000))
        except ValueError:
            page = 1
        return cls(text=text, filters=filters, sort=sort, page=page)

    @property
    def effective_sort(self) -> str:
        return self.sort or (SORT_RELEVANCE if self.text else SORT_BY_NAME)

    @property
    def is_filtered(self) -> bool:
        return bool(self.text or self.filters)

    @property
    def selected_count(self) -> int:
        """How many filter options are chosen, over all filters."""
        return sum(len(values) for values in self.filters.values())

    def selected(self, name: str) -> tuple[str, ...]:
        return self.filters.get(name, ())

    def to_params(self, **changes) -> str:
        """The query string of this state with some parts changed (page 1 unless given)."""
        changed = replace(self, **{"page": 1, **changes})
        pairs: list[tuple[str, str]] = []
        if changed.text:
            pairs.append(("q", changed.text))
        for catalogue_filter in CATALOGUE_FILTERS:
            name = catalogue_filter.parameter
            pairs.extend((name, value) for value in changed.filters.get(name, ()))
        if changed.sort:
            pairs.append(("sortierung", changed.sort))
        if changed.page > 1:
            pairs.append(("seite", str(changed.page)))
        return urlencode(pairs)

    def without(self, name: str, value: str) -> str:
        """The query string with one filter value removed (for "remove filter" links)."""
        filters = dict(self.filters)
        remaining = tuple(v for v in filters.get(name, ()) if v != value)
        if remaining:
            filters[name] = remaining
        else:
            filters.pop(name, None)
        return self.to_params(filters=filters)
