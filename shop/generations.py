"""Generations: the one way the shop forgets what it keeps computed.

Everything kept in a cache (stored public pages, the parts they are built from, the coverage
report) is stored with the generation of its name current when it was computed, and used only
while that generation is still current. `generation_bump` starts a new one, so stale entries are
never read again and expire unused. Receivers bump a generation when what it covers changes
(ozg_site.page_cache, cms_pages.signals, shop.receivers); domain services know nothing of caches.

A generation is a random token in Django's default cache (Redis, or files under var/cache/ that
every process of the machine shares), so a bump in one process reaches all; a token rather than a
counter keeps this right when the key itself is evicted. A bump takes effect at once (the request
that changes the data sees the change) and once more when the transaction commits: a request
that computed an entry from the data before the commit stored it under a generation that the
commit ends. Within a transaction, a further bump writes the cache only once the thread has
read the generation since the last one.

This module imports nothing of the project: every layer may use it.
"""

import functools
import threading
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

# The public Wagtail pages and what they are built from: pages published, unpublished, moved or
# deleted, view restrictions, the legal links, orders and status changes (the home page's figures).
PUBLIC_PAGES = "public-pages"
# The coverage report: orders, status changes, the registry, services.
COVERAGE_REPORT = "coverage-report"
# "Meine Dienste" of every Verwaltung: orders, status changes (and the order statuses, rollout
# events and ended services that come with them), coverage, onboarding data and checklists,
# service titles, the names of those who ordered.
ORDER_OVERVIEWS = "order-overviews"
# Each person's permissions (shop.accounts.auth_backends): people, groups, permissions and who
# has which.
PERMISSIONS = "permissions"
NAMES = (PUBLIC_PAGES, COVERAGE_REPORT, ORDER_OVERVIEWS, PERMISSIONS)

T = TypeVar("T")


def generation_key(name: str) -> str:
    """The cache key of the generation, for callers that read it with their entry in one round
    trip (cache.get_many); pass what they found to `generation_from`."""
    if name not in NAMES:
        raise ValueError(f"Unbekannte Generation {name!r}")
    return f"generation:{name}"


def generation_from(found: dict, *, name: str) -> str:
    """The generation among the values read with cache.get_many, or a first one."""
    _bumped_unread().discard(name)
    return found.get(generation_key(name)) or _generation_started(name)


def generation_current(*, name: str) -> str:
    _bumped_unread().discard(name)
    return cache.get(generation_key(name)) or _generation_started(name)


def generation_cached(*, name: str, key: str, compute: Callable[[], T], seconds: int) -> T:
    """The value stored under `key` in the current generation `name`, else `compute()`, stored
    for at most `seconds` (a bound for changes that no receiver sees, such as SQL by hand). One
    cache round trip on a hit."""
    found = cache.get_many([generation_key(name), key])
    generation = generation_from(found, name=name)
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    cache.set(key, (generation, value), seconds)
    return value


def generation_bump(*, name: str) -> None:
    connection = transaction.get_connection()
    pending = any(
        getattr(callback, "generation", None) == name for _, callback, _ in connection.run_on_commit
    )
    # A bump at once matters only to what this thread reads before the commit: after one that
    # nothing has read yet, another is not needed (a status change of 200 lines writes the
    # cache once, not 400 times).
    if pending and name in _bumped_unread():
        return
    _start(name)
    _bumped_unread().add(name)
    # One bump after the commit is enough, however many changes the transaction makes.
    if pending:
        return
    callback = functools.partial(_start, name)
    callback.generation = name
    transaction.on_commit(callback)


_thread = threading.local()


def _bumped_unread() -> set[str]:
    """The names this thread has bumped and not read since."""
    if not hasattr(_thread, "bumped_unread"):
        _thread.bumped_unread = set()
    return _thread.bumped_unread


def _start(name: str) -> None:
    cache.set(generation_key(name), uuid.uuid4().hex, None)


def _generation_started(name: str) -> str:
    """A first generation, unless another process has just started one."""
    generation = uuid.uuid4().hex
    if not cache.add(generation_key(name), generation, None):
        generation = cache.get(generation_key(name)) or generation
    return generation
