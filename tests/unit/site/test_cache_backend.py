"""ozg_site.cache_backend: a Redis that refuses or does not answer is a cache miss, logged once;
a Redis that answers again is used again, with every generation started anew."""

import logging
import os
import time
from urllib.parse import urlparse

import pytest

from ozg_site import cache_backend
from ozg_site.cache_backend import FailSoftRedisCache
from shop.generations import ORDER_OVERVIEWS
from shop.generations import generation_key
from tests.faults import SilentServer
from tests.faults import TcpForwarder
from tests.faults import unreachable_redis_url

TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def cache_at(url: str) -> FailSoftRedisCache:
    return FailSoftRedisCache(url, {"OPTIONS": TIMEOUTS, "KEY_PREFIX": "ozg-test"})


@pytest.fixture
def refusing_cache():
    return cache_at(unreachable_redis_url())


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def test_an_unreachable_redis_answers_every_call_as_a_miss(refusing_cache):
    cache = refusing_cache

    cache.set("key", "value", 60)
    cache.set_many({"a": 1, "b": 2}, 60)
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("key", "value", 60) is False
    assert cache.has_key("key") is False
    assert cache.touch("key", 60) is False
    assert cache.delete("key") is False
    cache.delete_many(["a", "b"])
    # A counter starts from zero again: throttles built on it fail open, not with an error.
    assert cache.incr("counter", 3) == 3
    assert cache.decr("counter") == -1
    assert cache.get_or_set("computed", lambda: "fresh", 60) == "fresh"
    assert cache.clear() is False


def test_an_outage_is_logged_once_with_the_number_of_misses(refusing_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="ozg_site.cache_backend"):
        for _ in range(50):
            refusing_cache.get("key")

    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1
    assert "nicht erreichbar" in warnings[0]
    assert "ohne Cache" in warnings[0]


def test_a_redis_that_does_not_answer_costs_one_timeout_then_nothing(silent_server):
    cache = cache_at(f"redis://127.0.0.1:{silent_server.port}/0")

    started = time.monotonic()
    assert cache.get("key", "fallback") == "fallback"
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(100):
        cache.get("key")
    following = time.monotonic() - started

    assert first < 1.5  # one socket timeout of 0.5 s, no retries
    assert following < 0.1  # left alone until RETRY_SECONDS have passed
    assert silent_server.connections == 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL ist nicht gesetzt")
def test_the_cache_is_used_again_when_redis_answers_again(monkeypatch, caplog):
    monkeypatch.setattr(cache_backend, "RETRY_SECONDS", 0.2)
    redis_url = urlparse(os.environ["REDIS_URL"])
    forwarder = TcpForwarder((redis_url.hostname, redis_url.port or 6379))
    cache = cache_at(f"redis://127.0.0.1:{forwarder.port}{redis_url.path or '/0'}")
    try:
        cache.set("probe", "before", 60)
        cache.set(generation_key(ORDER_OVERVIEWS), "before the outage", None)
        assert cache.get("probe") == "before"

        forwarder.cut()
        with caplog.at_level(logging.WARNING, logger="ozg_site.cache_backend"):
            assert cache.get("probe") is None
            forwarder.restore()
            time.sleep(0.3)
            assert cache.get("probe") == "before"
        # A bump during the outage was dropped: the generation starts anew.
        assert cache.get(generation_key(ORDER_OVERVIEWS)) is None
        cache.delete("probe")
    finally:
        forwarder.close()

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "nicht erreichbar" in messages[0]
    assert "wieder erreichbar" in messages[1]
