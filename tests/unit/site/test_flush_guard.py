"""Which databases `flush` empties despite acceptance records: only the test databases that
Django's test setup points the connection at."""

import pytest

from shop.management.commands.flush import database_is_for_tests


@pytest.mark.parametrize(
    ("settings_dict", "for_tests"),
    [
        # PostgreSQL in the test run: the configured name with Django's prefix.
        ({"NAME": "test_ozg_shop", "TEST": {"NAME": None}}, True),
        ({"NAME": "test_ozg_shop"}, True),
        # SQLite with a configured test file (site/test_settings.py), in the test run.
        ({"NAME": "/srv/var/test_db.sqlite3", "TEST": {"NAME": "/srv/var/test_db.sqlite3"}}, True),
        # SQLite in memory, as Django tests without a configured file.
        ({"NAME": "file:memorydb_default?mode=memory&cache=shared", "TEST": {}}, True),
        # Production and `make run`: the configured databases themselves.
        ({"NAME": "ozg_shop", "TEST": {"NAME": None}}, False),
        ({"NAME": "/srv/var/db.sqlite3", "TEST": {"NAME": "/srv/var/test_db.sqlite3"}}, False),
        ({"NAME": "/srv/var/db.sqlite3"}, False),
        ({"NAME": "ozg_test_shop", "TEST": {"NAME": "test_ozg_test_shop"}}, False),
    ],
)
def test_only_test_databases_count_as_such(settings_dict, for_tests):
    assert database_is_for_tests(settings_dict) is for_tests
