"""The computed coverage report in Django's default cache (Redis in production), so that a
request does not aggregate some 300,000 coverage rows.

Every entry carries the report's *version*, a random token under VERSION_KEY; an entry of an
older version is never used. `report_cache_invalidate()` starts a new version whenever the data
behind the report changes:

- an order is placed (shop.orders.services.order_details_create),
- lines change their status (shop.orders.rollout.lines_status_change),
- the registry is imported (shop.registry.services.registry_import_gemeindeverzeichnis),
- a Dienst, Verwaltung or Gemeinde is saved or deleted one by one (profile published,
  unpublished or deleted, an edit in the Django admin): `report_cache_receivers_connect()`,
  called by shop's AppConfig.ready.

A change is usually made in a transaction. A request that computes the report while it is still
uncommitted reads the old data under the new version; so for SETTLE_SECONDS after a change an
entry is kept only until that time runs out, and the report is computed once more from what is
committed by then (at most two computations per change, no on-commit hook). A random token
instead of a counter keeps this right when the version key itself is evicted. Every worker reads
the version from the shared cache (Redis, or files under var/cache/ without it), so a change in
one process reaches all. Entries expire after
ENTRY_SECONDS, a bound for changes that bypass all of the above (e.g. SQL by hand).
"""

import math
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

VERSION_KEY = "reports:coverage:version"
# Bump when the shape of a stored value or the report's templates change: a deployment must not
# serve what the old code computed and rendered.
FORMAT = 1
ENTRY_SECONDS = 24 * 60 * 60
# Longer than the longest transaction that changes the data (the registry import).
SETTLE_SECONDS = 120

T = TypeVar("T")


def report_cache_invalidate(**kwargs) -> None:
    """Forget every computed report: a new version, settling for SETTLE_SECONDS. Usable as a
    signal receiver."""
    cache.set(VERSION_KEY, (uuid.uuid4().hex, time.time() + SETTLE_SECONDS), None)


def report_cached(name: str, compute: Callable[[], T]) -> T:
    """The value stored under `name` for the current version, else `compute()` stored. One
    cache round trip on a hit."""
    key = f"reports:coverage:{FORMAT}:{name}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = (uuid.uuid4().hex, 0.0)
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    token, settle_until = version
    entry = found.get(key)
    if entry is not None and entry[0] == token:
        return entry[1]
    value = compute()
    settling = settle_until - time.time()
    timeout = min(ENTRY_SECONDS, math.ceil(settling)) if settling > 0 else ENTRY_SECONDS
    cache.set(key, (token, value), timeout)
    return value


def report_cache_receivers_connect() -> None:
    """Invalidate on single saves and deletions of what the report shows: services (a profile
    published, unpublished or deleted), Verwaltungen, Gemeinden."""
    from django.db.models.signals import post_delete, post_save

    from shop.models import Dienst, Gemeinde, Verwaltung

    uid = "shop.reports.cache"
    for model in (Dienst, Verwaltung, Gemeinde):
        post_save.connect(report_cache_invalidate, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(report_cache_invalidate, sender=model, dispatch_uid=f"{uid}.delete")
