"""One migrated test database per run, cloned for each pytest-xdist worker.

Migrating costs most of a worker's setup; the workers of a run therefore take turns on a file
lock: the first migrates the template database (the name pytest-django gives without `-n`), every
worker then copies it under its own name (pytest-django's `_gw0`, `_gw1` suffix) and lets
pytest-django keep that copy (`keepdb`), whose migrate finds nothing left to do. SQLite copies the
file with its write-ahead log through SQLite's backup; PostgreSQL creates the copy from the
template (`CREATE DATABASE … TEMPLATE …`). A new SQLite template is restored from
tests/migrated_schema.sql where that matches the migrations (tests/migrated_schema.py).
"""

import contextlib
import fcntl
import hashlib
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

from tests.migrated_schema import migrated_schema_restore


def _test_database_name(alias: str) -> str:
    return connections[alias].creation._get_test_db_name()


def _lock_path(alias: str, suffix: str) -> Path:
    identity = f"{settings.DATABASES[alias].get('HOST', '')}/{_test_database_name(alias)}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"ozg-test-template-{digest}.{suffix}"


@contextlib.contextmanager
def _locked(path: Path):
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _template_migrate(*, alias: str, keepdb: bool) -> None:
    """Create (or with keepdb, bring up to date) the template; put the settings back afterwards,
    which create_test_db points at it. A new SQLite template starts from the migrated database of
    tests/migrated_schema.sql where that was taken of the migrations on disk."""
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    template = _test_database_name(alias)
    if (
        not keepdb
        and connection.vendor == "sqlite"
        and not connection.creation.is_in_memory_db(template)
        and migrated_schema_restore(target=Path(template))
    ):
        keepdb = True  # migrate applies what the file does not hold and runs post_migrate
    connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keepdb, serialize=False
    )
    connection.close()
    if connection.vendor == "postgresql":
        connection.close_pool()
    settings.DATABASES[alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _clone(*, alias: str, template: str, target: str) -> None:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        for leftover in (target, f"{target}-wal", f"{target}-shm"):
            Path(leftover).unlink(missing_ok=True)
        with (
            contextlib.closing(sqlite3.connect(template)) as source,
            contextlib.closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
        return
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
        cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(template)}")


def template_database_clone(*, run_id: str, rebuild: bool, suffix_apply) -> None:
    """Give this worker a copy of the run's migrated template database. `rebuild`: migrate the
    template from scratch (once per run, as `--create-db` or a run without `--reuse-db` asks);
    `suffix_apply` switches the settings to this worker's database name."""
    aliases = [alias for alias in connections if settings.DATABASES[alias].get("ENGINE")]
    templates = {alias: _test_database_name(alias) for alias in aliases}
    locks = {alias: _lock_path(alias, "lock") for alias in aliases}
    for alias in aliases:
        marker = _lock_path(alias, "run")
        with _locked(locks[alias]):
            if not (marker.exists() and marker.read_text() == run_id):
                _template_migrate(alias=alias, keepdb=not rebuild)
                marker.write_text(run_id)
    suffix_apply()
    # PostgreSQL refuses to copy a template that another worker is copying at the same moment.
    for alias in aliases:
        with _locked(locks[alias]):
            _clone(alias=alias, template=templates[alias], target=_test_database_name(alias))
