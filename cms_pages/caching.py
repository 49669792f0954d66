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
    return generation_cached_many(name, [parts], lambda missing: {parts: compute()}, request)[parts]


def generation_cached_many(
    name: str, parts: list[tuple], compute: Callable[[list[tuple]], dict[tuple, T]], request=None
) -> dict[tuple, T]:
    """The values of many key parts at once: `compute(missing)` gets the parts not kept for this
    generation and returns their values by part (one query for all of them, say)."""
    generation = cache_generation(request)
    keys = {part: f"{name}:{generation}:{cache_key_digest(part)}" for part in parts}
    now = time.monotonic()
    found: dict[tuple, T] = {}
    with _lock:
        for part, key in keys.items():
            entry = _entries.get(key)
            if entry is not None and entry[0] > now:
                _entries.move_to_end(key)
                found[part] = entry[1]
    missing = [part for part in parts if part not in found]
    if missing:
        computed = compute(missing)
        found.update(computed)
        with _lock:
            for part, value in computed.items():
                _entries[keys[part]] = (now + ENTRY_SECONDS, value)
                _entries.move_to_end(keys[part])
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return found


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
