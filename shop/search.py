"""How the staff and account pages' search boxes read what a person typed, so that every such
box treats spaces and overlong input alike."""

import operator
from collections.abc import Iterable
from functools import reduce

from django.db.models import Q, QuerySet

MAX_SEARCH_LENGTH = 100


def search_text(text: str) -> str:
    """'  Amt   Hüttener Berge ' -> 'Amt Hüttener Berge'; a pasted paragraph is cut, it would
    find nothing anyway."""
    return " ".join(text.split())[:MAX_SEARCH_LENGTH]


def text_search(queryset: QuerySet, *, text: str, lookups: Iterable[str]) -> QuerySet:
    """The rows that any of the lookups ("name__icontains", ...) finds with the search text;
    every row when nothing was typed."""
    text = search_text(text)
    if not text:
        return queryset
    return queryset.filter(reduce(operator.or_, (Q(**{lookup: text}) for lookup in lookups)))
