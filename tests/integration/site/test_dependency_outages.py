"""The site under outages of its dependencies, through the HTTP layer: with Redis unreachable
(a REDIS_URL to a port where nothing listens) every kind of page is served uncached and
/healthz says "degraded"; with the database unreachable /healthz answers 503 and pages the German
503 page. The same with real PostgreSQL and Redis cut off under a running gunicorn:
test_outage_recovery.py."""

import logging

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.db import ProgrammingError
from django.test import Client
from django.urls import reverse

from ozg_site.cache_backend import FailSoftRedisCache
from tests.factories import DEFAULT_PASSWORD
from tests.faults import unreachable_redis_url
from tests.integration.site.test_site import healthz_answered_200
from tests.pages import service_page_create
from tests.signin import is_signed_in
from tests.signin import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def redis_unreachable(settings):
    """Production's cache backend pointed at a closed port, and the page cache on (tests run
    with DEBUG, where it is off), so that every page goes through the cache."""
    settings.CACHES = {
        "default": {
            "BACKEND": "ozg_site.cache_backend.FailSoftRedisCache",
            "LOCATION": unreachable_redis_url(),
            "KEY_PREFIX": "ozg",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 300


def test_these_tests_run_on_the_fail_soft_backend(redis_unreachable):
    assert isinstance(caches["default"], FailSoftRedisCache)


@pytest.mark.parametrize(
    "path", ["/", "/dienste/", "profile", "/shop/basket/", "/shop/accounts/login/"]
)
def test_public_pages_are_served_uncached_while_redis_is_unreachable(
    client, page_tree, redis_unreachable, path, caplog
):
    profile = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    url = profile.url if path == "profile" else path

    with caplog.at_level(logging.WARNING, logger="ozg_site.cache_backend"):
        first = client.get(url)
        second = client.get(url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.headers.get("X-Page-Cache") != "hit"
    if path == "profile":
        assert "Wohngeld" in second.content.decode()
    # One warning for the outage, not one per cache call.
    assert len([r for r in caplog.records if r.name == "ozg_site.cache_backend"]) == 1


def test_members_sign_in_and_see_their_pages_while_redis_is_unreachable(
    client, page_tree, redis_unreachable, member
):
    response = sign_in(client, email=member.email, password=DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)
    for path in ("/", "/konto/meine-dienste/", "/shop/basket/", "/dienste/"):
        assert client.get(path).status_code == 200, path


def test_staff_reports_are_computed_while_redis_is_unreachable(
    client, redis_unreachable, fulfilment
):
    client.force_login(fulfilment)

    response = client.get(reverse("shop_reports:coverage"))

    assert response.status_code == 200


def test_healthz_says_the_cache_is_degraded_with_200_while_redis_is_unreachable(
    client, redis_unreachable
):
    healthz_answered_200(client, status="degraded", cache="degraded")


@pytest.fixture
def database_unreachable(monkeypatch):
    """Every query fails as with a database that went away, at the lowest level the engine
    offers: Django's cursor on SQLite, psycopg's pooled connection (which /healthz uses) and
    Django's cursor on PostgreSQL."""
    import psycopg
    from django.db.backends.utils import CursorWrapper

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    def psycopg_gone(*args, **kwargs):
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", gone)
    monkeypatch.setattr(CursorWrapper, "executemany", gone)
    monkeypatch.setattr(psycopg.Connection, "execute", psycopg_gone)


def test_healthz_answers_503_when_the_database_does_not(client, database_unreachable):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


def test_pages_show_the_german_503_page_while_the_database_is_unreachable(
    page_tree, database_unreachable
):
    client = Client(raise_request_exception=False)

    response = client.get("/dienste/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Vorübergehend nicht erreichbar" in page
    assert '<html lang="de">' in page


def test_other_errors_keep_the_500_page(page_tree, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken_query(*args, **kwargs):
        raise ProgrammingError("column does not exist")

    monkeypatch.setattr(CursorWrapper, "execute", broken_query)
    client = Client(raise_request_exception=False)

    response = client.get("/dienste/")

    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
