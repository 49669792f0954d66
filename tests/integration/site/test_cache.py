"""With REDIS_URL set (as in CI's PostgreSQL run), the configured cache is Redis (through the
fail-soft backend, ozg_site.cache_backend) and works."""

import os

import pytest


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL ist nicht gesetzt")
def test_redis_cache_from_settings_stores_and_reads():
    from ozg_site import settings as production_settings
    from ozg_site.cache_backend import FailSoftRedisCache

    cache_config = production_settings.CACHES["default"]
    assert cache_config["BACKEND"] == "ozg_site.cache_backend.FailSoftRedisCache"
    cache = FailSoftRedisCache(
        cache_config["LOCATION"], {"KEY_PREFIX": "ozg-test", "OPTIONS": cache_config["OPTIONS"]}
    )
    cache.set("probe", {"ok": True}, timeout=10)
    assert cache.get("probe") == {"ok": True}
    cache.delete("probe")
