"""The guard of tests/e2e: a browser test reaches the database through the layers only."""

import dataclasses

import pytest

from tests.e2e.conftest import database_outside_the_layers


@dataclasses.dataclass
class CollectedTest:
    fixturenames: list[str]
    marker: str | None = None

    def get_closest_marker(self, name: str):
        return object() if name == self.marker else None


@pytest.mark.parametrize(
    "item",
    [
        CollectedTest(["page", "_django_db_helper", "db"]),
        CollectedTest(["page", "_django_db_helper", "transactional_db"]),
        CollectedTest(["page"], marker="django_db"),
        CollectedTest(["page", "context", "browser_context_args", "live_server"]),
    ],
    ids=["db", "transactional_db", "django_db-mark", "live_server"],
)
def test_the_database_outside_the_layers_is_refused(item):
    assert database_outside_the_layers(item)


@pytest.mark.parametrize(
    "item",
    [
        CollectedTest(
            ["page", "site_pages", "django_db_serialized_rollback", "_django_db_helper", "db"]
        ),
        CollectedTest(["browser"]),
    ],
    ids=["site_pages", "no-database"],
)
def test_the_layers_or_no_database_are_allowed(item):
    assert not database_outside_the_layers(item)
