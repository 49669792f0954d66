"""What `/healthz` checks, each bounded in time so that the load balancer gets its answer within
about two seconds even when a dependency does not answer at all."""

import uuid

import psycopg
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection


def database_status() -> str:
    """ "ok" when the database answers a query, else "unavailable"."""
    try:
        pool = getattr(connection, "pool", None)
        if pool is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        else:
            # Straight from psycopg's pool, with a shorter wait than the pages' (the pool's
            # timeout): the load balancer must hear of an outage before its own timeout.
            pool.open()
            with pool.connection(timeout=settings.HEALTHZ_DATABASE_TIMEOUT) as pooled:
                pooled.execute("SELECT 1")
    except (DatabaseError, psycopg.Error):
        return "unavailable"
    return "ok"


def cache_status() -> str:
    """ "ok" when a value written to the cache can be read back; "degraded" when not (Redis
    unreachable: ozg_site.cache_backend answers misses, the pages are served uncached)."""
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", 10)
        readable = cache.get(key) == "ok"
        cache.delete(key)
    except OSError:  # the file cache (without Redis) on a full or read-only disk
        readable = False
    return "ok" if readable else "degraded"
