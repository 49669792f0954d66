"""Per-request work of the public pages that is the same for every visitor, computed once and
kept in Django's default cache until the page cache's generation changes.

The generation is the one of `ozg_site.page_cache`: `page_cache_clear()` starts a new one when a
page is published, unpublished, moved or deleted, the legal links change, an order is placed or
a service changes its status (and, from `cms_pages.signals`, when a page view restriction
changes). Every entry here is keyed by that generation, so there is one invalidation mechanism
for the stored pages and for the parts they are built from. What changes without a signal (an
import of the OZG catalogue) is at most ENTRY_SECONDS old, as the page cache's pages are.

The generation lives in the page cache's store, which every worker shares (Redis, or files
without Redis); the entries live in each worker's memory as they are (no pickling: reading the
catalogue's facets back from a cache cost more than counting them), at most MAX_ENTRIES of them,
and a worker that misses computes the entry itself. Callers must not change what they get.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from ozg_site import page_cache

ENTRY_SECONDS = 300
MAX_ENTRIES = 2000
_REQUEST_ATTRIBUTE = "_cms_pages_generation"

T = TypeVar("T")

_entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()


def cache_generation(request=None) -> str:
    """The page cache's current generation (starting one if there is none yet); remembered on
    the request, so a page reads it once."""
    if request is not None:
        remembered = getattr(request, _REQUEST_ATTRIBUTE, None)
        if remembered is not None:
            return remembered
    generation = page_cache.page_cache_generation()
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, generation)
    return generation


def cache_key_digest(parts: tuple) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def generation_cached(name: str, parts: tuple, compute: Callable[[], T], request=None) -> T:
    """`compute()`'s value for this generation and these key parts (any repr-able values)."""
    key = f"{name}:{cache_generation(request)}:{cache_key_digest(parts)}"
    now = time.monotonic()
    with _lock:
        found = _entries.get(key)
        if found is not None and found[0] > now:
            _entries.move_to_end(key)
            return found[1]
    value = compute()
    with _lock:
        _entries[key] = (now + ENTRY_SECONDS, value)
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def view_restrictions_exist(request=None) -> bool:
    """Whether any page has a view restriction (none on the shop's public site, usually): then
    `.public()` and Wagtail's per-request restriction check can be skipped."""
    from wagtail.models import PageViewRestriction

    return (
        generation_cached(
            "view-restrictions",
            (),
            lambda: int(PageViewRestriction.objects.exists()),
            request=request,
        )
        == 1
    )


def public(queryset, request=None):
    """`queryset.public()`, without the query for the restrictions when there are none, while
    serving a page (`request`); other callers (the API) keep Wagtail's own."""
    if request is None or view_restrictions_exist(request):
        return queryset.public()
    return queryset
