"""The database the suite runs on is configured as production would configure it."""

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.django_db
def test_requests_are_atomic():
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is True


@pytest.mark.django_db
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="nur mit DATABASE_URL=postgres://…",
)
def test_postgresql_runs_on_psycopg3_with_a_connection_pool():
    import psycopg

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert isinstance(connection.connection, psycopg.Connection)
    assert connection.pool is not None
    assert connection.pool.max_size == 10
