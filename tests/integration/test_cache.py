"""With REDIS_URL set (as in CI's PostgreSQL run), the configured cache is Redis and works."""

import os

import pytest


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL ist nicht gesetzt")
def test_redis_cache_from_settings_stores_and_reads():
    from django.core.cache.backends.redis import RedisCache

    from ozg_site import settings as production_settings

    cache_config = production_settings.CACHES["default"]
    assert cache_config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    cache = RedisCache(cache_config["LOCATION"], {"KEY_PREFIX": "ozg-test"})
    cache.set("probe", {"ok": True}, timeout=10)
    assert cache.get("probe") == {"ok": True}
    cache.delete("probe")
