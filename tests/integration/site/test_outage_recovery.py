"""Outages of PostgreSQL and Redis under a running shop, and recovery without a restart.

gunicorn runs the shop with production settings (DEBUG off, behind a simulated TLS proxy, page
cache on) against the test database and Redis, each reached through a TCP forwarder of
tests.faults that the test cuts (open connections reset, new ones refused, as when the server
goes away) and restores. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as CI's
PostgreSQL run has; skipped otherwise.

Timings seen on the development machine (2 shared cores, one gunicorn worker): with Redis cut
pages in 0.23-0.37 s (rendered, uncached), /healthz "degraded" in 0.01 s and "ok" again 4 s after
Redis is back (the backend's retry interval); with PostgreSQL cut /healthz 503 in 1.51 s
(HEALTHZ_DATABASE_TIMEOUT), a page the 503 page in 3.03 s (DATABASE_POOL_TIMEOUT), 200 again
3 s after PostgreSQL is back (the pool's reconnection backoff).
"""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import migration_data_restore
from tests.faults import TcpForwarder

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENT = "203.0.113.9"
STARTUP_SECONDS = 90


@pytest.fixture(scope="module", autouse=True)
def _postgresql_and_redis_only(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("Ausfälle werden mit PostgreSQL getestet (DATABASE_URL=postgres://…).")
    if not os.environ.get("REDIS_URL"):
        pytest.skip("Ausfälle werden mit Redis getestet (REDIS_URL=redis://…).")
    yield
    with django_db_blocker.unblock():
        migration_data_restore()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Shop:
    """The gunicorn process and what the test asks it."""

    def __init__(self, port: int, process: subprocess.Popen, log: Path):
        self.port = port
        self.process = process
        self.log = log

    def get(self, path: str) -> tuple[int, str, dict[str, str], float]:
        """Status, body, headers and seconds taken, as the proxy would pass the request on."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": CLIENT},
        )
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        return status, body.decode(), dict(headers), time.monotonic() - started

    def health(self) -> tuple[int, dict, float]:
        status, body, _, seconds = self.get("/healthz")
        health = json.loads(body)
        health.pop("mail", None)  # the mail backlog, tested in test_outgoing_mail
        return status, health, seconds

    def wait_for(self, check, seconds: float) -> float:
        """Seconds until `check()` is true; fails after `seconds`."""
        started = time.monotonic()
        while not check():
            assert time.monotonic() - started < seconds, self.log.read_text()[-3000:]
            time.sleep(0.25)
        return time.monotonic() - started


@pytest.fixture
def forwarders():
    database = settings.DATABASES["default"]
    redis_url = urlparse(os.environ["REDIS_URL"])
    to_database = TcpForwarder((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    to_redis = TcpForwarder((redis_url.hostname or "127.0.0.1", redis_url.port or 6379))
    yield to_database, to_redis
    to_database.close()
    to_redis.close()


@pytest.fixture
def shop(page_tree, forwarders, tmp_path):
    to_database, to_redis = forwarders
    database = settings.DATABASES["default"]
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    port = free_port()
    redis_path = urlparse(os.environ["REDIS_URL"]).path or "/0"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ozg_site.settings",
        "DJANGO_READ_DOT_ENV": "false",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_TLS_PROXY": "true",
        "AXES_PROXY_COUNT": "1",
        # Templates reach static files without collectstatic's manifest.
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DATABASE_URL": (
            f"postgres://{credentials}@127.0.0.1:{to_database.port}/{database['NAME']}"
        ),
        "REDIS_URL": f"redis://127.0.0.1:{to_redis.port}{redis_path}",
        "PAGE_CACHE_SECONDS": "300",
    }
    for name in ("DATABASE_POOL_TIMEOUT", "HEALTHZ_DATABASE_TIMEOUT", "REDIS_TIMEOUT_SECONDS"):
        environment.pop(name, None)  # the defaults are what is measured
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "ozg_site.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "30",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    shop = Shop(port, process, log)
    try:
        shop.wait_for(lambda: _answers(shop), STARTUP_SECONDS)
        yield shop
    finally:
        process.terminate()
        process.wait(timeout=30)


def _answers(shop: Shop) -> bool:
    assert shop.process.poll() is None, shop.log.read_text()[-3000:]
    try:
        return shop.health()[0] == 200
    except OSError:
        return False


def test_the_shop_rides_out_redis_and_postgresql_outages_and_recovers(shop, forwarders):
    to_database, to_redis = forwarders
    assert shop.health()[:2] == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert shop.get("/")[0] == 200  # stored in the page cache (Redis)

    # Redis goes away: pages are served uncached, the health check says so.
    to_redis.cut()
    for path in ("/", "/dienste/", "/shop/basket/", "/shop/accounts/login/"):
        status, _, headers, seconds = shop.get(path)
        assert status == 200, path
        assert headers.get("X-Page-Cache") != "hit"
        assert seconds < 2, (path, seconds)
    status, body, seconds = shop.health()
    assert (status, body) == (200, {"status": "degraded", "database": "ok", "cache": "degraded"})
    assert seconds < 2

    # Redis is back: used again after the backend's retry interval, without a restart. What
    # was stored before the outage is not served (its changes could not start new
    # generations): the page is stored anew, then served from the cache.
    to_redis.restore()
    shop.wait_for(lambda: shop.health()[1]["cache"] == "ok", 15)
    assert shop.get("/")[2]["X-Page-Cache"] == "miss"
    assert shop.get("/")[2]["X-Page-Cache"] == "hit"

    # PostgreSQL goes away: the health check answers 503 within 2 s, a page the German 503
    # page within a few seconds; a stored page is still served from the cache.
    to_database.cut()
    status, body, seconds = shop.health()
    assert (status, body["database"]) == (503, "unavailable")
    assert seconds < 2
    status, page, headers, seconds = shop.get("/dienste/?waehrend-der-stoerung")
    assert status == 503
    assert "Vorübergehend nicht erreichbar" in page
    assert headers["Retry-After"] == "30"
    assert seconds < 6
    assert shop.get("/")[0] == 200

    # PostgreSQL is back: pages and the health check recover without a restart.
    to_database.restore()
    shop.wait_for(lambda: shop.get("/dienste/?nach-der-stoerung")[0] == 200, 30)
    assert shop.health()[:2] == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert shop.process.poll() is None

    # The operator learns of the Redis outage once, from a line that names the client.
    log = shop.log.read_text()
    warnings = [line for line in log.splitlines() if "nicht erreichbar" in line]
    assert len(warnings) == 1
    assert f"[{CLIENT} GET " in warnings[0]
