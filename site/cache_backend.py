"""Django's Redis cache, but a Redis outage is a cache miss instead of an error page.

Everything the shop keeps in the cache can be computed again (stored pages, generations, the
coverage report, Meine Dienste); sessions and sign-in attempts live in the database. So while
Redis is unreachable, reads answer as misses (`get` gives the default, `get_many` nothing, `add`
and `has_key` False, `incr` counts from zero, which lets a throttle fail open) and writes are
dropped; the pages are served uncached.

- Short socket timeouts (OPTIONS `socket_connect_timeout` and `socket_timeout`, which the
  settings take from REDIS_TIMEOUT_SECONDS) bound what an unanswered Redis costs a request.
- After a failure the process leaves Redis alone for RETRY_SECONDS (every call is a miss without
  a network round trip), then tries again by itself: no restart when Redis is back. Its first
  call then starts every generation (shop.generations) anew: the changes of the outage could
  not bump them, so nothing computed before it is read again.
- One warning when an outage begins and at most one per LOG_INTERVAL_SECONDS while it lasts,
  with the number of calls answered as misses, and one line when Redis answers again.

`/healthz` reports the cache as "degraded" while calls are answered as misses.
"""

import functools
import logging
import threading
import time
from collections.abc import Callable

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

from shop.generations import NAMES, generation_key

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
LOG_INTERVAL_SECONDS = 60.0


class _Outage:
    """Whether one Redis server is considered down, shared by the threads of a process (Django
    builds a cache backend per thread)."""

    def __init__(self, location: str):
        self.location = location
        self._lock = threading.Lock()
        self._retry_at: float | None = None
        self._logged_at = 0.0
        self._misses = 0

    def recorded(self) -> bool:
        """An outage was recorded and has not ended (its retry time may have come)."""
        return self._retry_at is not None

    def ongoing(self) -> bool:
        if self._retry_at is None:
            return False
        with self._lock:
            if self._retry_at is None or time.monotonic() >= self._retry_at:
                return False
            self._misses += 1
            return True

    def began(self, error: RedisError) -> None:
        now = time.monotonic()
        with self._lock:
            self._retry_at = now + RETRY_SECONDS
            self._misses += 1
            if self._logged_at and now - self._logged_at < LOG_INTERVAL_SECONDS:
                return
            self._logged_at, misses, self._misses = now, self._misses, 0
        logger.warning(
            "Cache (Redis %s) nicht erreichbar: %s – Seiten werden ohne Cache ausgeliefert "
            "(%d Zugriffe als Fehltreffer beantwortet), neuer Versuch in %d s.",
            self.location,
            error,
            misses,
            RETRY_SECONDS,
        )

    def ended(self) -> None:
        if self._retry_at is None:
            return
        with self._lock:
            if self._retry_at is None:
                return
            self._retry_at, self._logged_at, misses, self._misses = None, 0.0, self._misses, 0
        logger.warning(
            "Cache (Redis %s) wieder erreichbar (%d Zugriffe zuletzt als Fehltreffer).",
            self.location,
            misses,
        )


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage(location))


def _miss_instead_of_error(miss: Callable):
    """Run the client call unless Redis is down; on a Redis error answer `miss(*args)`."""

    def decorate(method):
        @functools.wraps(method)
        def answer(self, *args):
            if self.outage.ongoing():
                return miss(*args)
            try:
                if self.outage.recorded():
                    # The bumps of the outage's duration were dropped, so what was computed
                    # before it may be stale: every generation starts anew before Redis is
                    # used again (a Redis that lost its data has none to forget).
                    RedisCacheClient.delete_many(self, self.generation_keys)
                result = method(self, *args)
            except RedisError as error:
                self.outage.began(error)
                return miss(*args)
            self.outage.ended()
            return result

        return answer

    return decorate


def _nothing(*args) -> None:
    return None


def _false(*args) -> bool:
    return False


class FailSoftRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self.outage = _outage_for(",".join(servers))

    add = _miss_instead_of_error(_false)(RedisCacheClient.add)
    get = _miss_instead_of_error(lambda key, default: default)(RedisCacheClient.get)
    set = _miss_instead_of_error(_nothing)(RedisCacheClient.set)
    touch = _miss_instead_of_error(_false)(RedisCacheClient.touch)
    delete = _miss_instead_of_error(_false)(RedisCacheClient.delete)
    get_many = _miss_instead_of_error(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _miss_instead_of_error(_false)(RedisCacheClient.has_key)
    incr = _miss_instead_of_error(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _miss_instead_of_error(_nothing)(RedisCacheClient.set_many)
    delete_many = _miss_instead_of_error(_nothing)(RedisCacheClient.delete_many)
    clear = _miss_instead_of_error(_false)(RedisCacheClient.clear)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailSoftRedisCacheClient

    @cached_property
    def _cache(self) -> FailSoftRedisCacheClient:
        client = self._class(self._servers, **self._options)
        client.generation_keys = [self.make_and_validate_key(generation_key(n)) for n in NAMES]
        return client
