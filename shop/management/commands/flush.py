"""Django's `flush`, refused on a database that holds acceptance records: they are evidence and
never deleted (flush would TRUNCATE them on PostgreSQL, past every trigger)."""

from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import connections
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

from shop.agreements.selectors import acceptance_records_exist


def database_is_for_tests(settings_dict: dict) -> bool:
    """Whether the connection points at a test database that Django's test setup made.

    Django's TransactionTestCase (and pytest-django's transactional tests and live_server)
    empty their database with this very command after each test, and records from one test
    must not stay for the next. Who calls cannot be told apart (the test case passes the same
    options an operator may type), but the database can: the test setup points the connection
    at the test database, named TEST["NAME"] when that is configured and otherwise the
    configured name with the prefix "test_", or an in-memory SQLite database. A production
    database configured through DATABASE_URL is none of these (docs/deployment.md says not to
    give it a name beginning with "test_").
    """
    name = str(settings_dict.get("NAME") or "")
    test_name = (settings_dict.get("TEST") or {}).get("NAME")
    if test_name:
        return name == str(test_name)
    return name.startswith(TEST_DATABASE_PREFIX) or name.startswith("file:memorydb_")


class Command(flush.Command):
    help = (
        flush.Command.help + " Verweigert, wenn die Datenbank Annahmenachweise enthält "
        "(außer in den Testdatenbanken der Testläufe)."
    )

    def handle(self, **options):
        database = options["database"]
        settings_dict = connections[database].settings_dict
        if not database_is_for_tests(settings_dict) and acceptance_records_exist(using=database):
            raise CommandError(
                f"Die Datenbank „{settings_dict['NAME']}“ enthält Annahmenachweise. Sie sind "
                "Beweismittel und werden nie gelöscht, deshalb leert „flush“ diese Datenbank "
                "nicht. Für eine leere Datenbank legen Sie eine neue an und migrieren sie.",
                returncode=1,
            )
        return super().handle(**options)
