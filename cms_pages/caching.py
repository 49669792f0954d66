"""Per-request work of the public pages that is the same for every visitor, computed once and
kept until the generation shop.generations.PUBLIC_PAGES changes, the generation the page cache
(ozg_site.page_cache) stores its pages under: a page published, unpublished, moved or deleted, a
view restriction or the legal links changed, an order placed, a service's status changed. What
changes without a signal (an import of the OZG catalogue) is at most ENTRY_SECONDS old, as the
page cache's pages are.

The entries live in each worker's memory as they are (no pickling: reading the catalogue's facets
back from a cache cost more than counting them), at most MAX_ENTRIES of them, and a worker that
misses computes the entry itself. Callers must not change what they get.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from shop.generations import PUBLIC_PAGES, generation_current

ENTRY_SECONDS = 300
MAX_ENTRIES = 2000
_REQUEST_ATTRIBUTE = "_cms_pages_generation"

T = TypeVar("T")

_entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()


def cache_generation(request=None) -> str:
    """The current generation of the public pages; remembered on the request, so a page reads
    it once."""
    if request is not None:
        remembered = getattr(request, _REQUEST_ATTRIBUTE, None)
        if remembered is not None:
            return remembered
    generation = generation_current(name=PUBLIC_PAGES)
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
