"""The migrated SQLite test database as SQL (tests/migrated_schema.sql), as Rails keeps its schema.

Migrating a new SQLite test database runs 355 migrations, about 60-100 s of one core, mostly
Django rendering the project's models again after each change; the workers of `make test` wait
for it. Restored from this file it takes a fraction of a second, and `migrate` afterwards applies
only what the file does not hold yet and runs what follows every migrate (permissions, the
shop's mail templates). The file is taken of exactly the migration files on disk and Django's
version (its digest); when any of them differs, the test database is migrated from scratch as
before, never restored from a file that may no longer match.

`make test-schema` writes the file anew (after a new migration or an upgrade);
`python -m tests.migrated_schema --check` (CI) migrates a new database and fails when the file
differs from it, the times, random keys and order of applied migrations left aside.
"""

import contextlib
import difflib
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = Path(__file__).with_name("migrated_schema.sql")
HEADER = (
    "-- Die migrierte SQLite-Testdatenbank (tests/migrated_schema.py); "
    "make test-schema erneuert sie.\n"
)
DIGEST_PREFIX = "-- Migrationen: "
# What differs from one migrate to the next: the times the migrations write (applied, created,
# updated) and random UUIDs (Wagtail's translation keys).
VARYING = re.compile(
    r"'\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?:\+00:00)?'"
    r"|'[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}'"
)


def migrations_digest() -> str:
    """What the migrated database follows from: every migration file on disk (of every app) and
    Django's version (its schema editor). Not SQLite's: the file restores on another version as
    the SQL it is, and a developer's machine may have another than CI."""
    import django
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256(django.__version__.encode())
    for key in sorted(loader.disk_migrations):
        module = sys.modules[type(loader.disk_migrations[key]).__module__]
        digest.update("/".join(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _snapshot_digest(text: str) -> str | None:
    for line in text.splitlines()[:5]:
        if line.startswith(DIGEST_PREFIX):
            return line.removeprefix(DIGEST_PREFIX).strip()
    return None


def migrated_schema_restore(*, target: Path, snapshot: Path = SNAPSHOT) -> bool:
    """Write the migrated database of `snapshot` to the SQLite file `target` when it was taken of
    the migrations on disk; False, and `target` untouched, otherwise."""
    if not snapshot.exists():
        return False
    text = snapshot.read_text(encoding="utf-8")
    if _snapshot_digest(text) != migrations_digest():
        return False
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(target)) as database:
        database.executescript(text)
    return True


def _statements(connection: sqlite3.Connection) -> Iterator[str]:
    """Python's dump, but a full-text table (Wagtail's search index, FTS5) as the statement that
    creates it: the dump writes such a table into sqlite_master, which the connection restoring
    it does not read again ("no such table"), and the tables behind it, which that statement
    creates itself."""
    virtual = dict(
        connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE %'"
        )
    )
    behind = re.compile(
        r"^(?:CREATE TABLE|INSERT INTO) ['\"](?:"
        + "|".join(re.escape(name) for name in virtual)
        + r")_(?:config|content|data|docsize|idx)['\"]"
    )
    for statement in connection.iterdump():
        if statement.startswith("PRAGMA writable_schema") or (virtual and behind.match(statement)):
            continue
        if statement.startswith("INSERT INTO sqlite_master"):
            (name,) = (name for name in virtual if f"'table','{name}','{name}'" in statement)
            statement = f"{virtual[name]};"
        yield statement


def _dump(database: Path) -> str:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return "\n".join(_statements(connection)) + "\n"


def _migrated_dump() -> str:
    """The dump of a new SQLite database after `migrate` under the test settings."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "schema.sqlite3"
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": f"sqlite:///{database}",
                "DJANGO_SETTINGS_MODULE": "ozg_site.test_settings",
                # Migrations independent of each other run in an order that follows Python's
                # string hashes; fixed, two runs write the same rows under the same keys.
                "PYTHONHASHSEED": "0",
            },
            check=True,
        )
        return _dump(database)


def _comparable(text: str) -> list[str]:
    """The lines of a dump without what differs from one migrate to the next: times, random keys
    and the order in which migrations independent of each other were applied (the record of
    applied migrations is compared as a set)."""
    lines = VARYING.sub("''", text).splitlines()
    applied = re.compile(r'^INSERT INTO "django_migrations" VALUES\(\d+,')
    return [line for line in lines if not applied.match(line)] + sorted(
        applied.sub("", line) for line in lines if applied.match(line)
    )


def main(arguments: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ozg_site.test_settings")
    django.setup()
    text = f"{HEADER}{DIGEST_PREFIX}{migrations_digest()}\n{_migrated_dump()}"
    if "--check" not in arguments:
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"{SNAPSHOT.relative_to(ROOT)} geschrieben.")
        return 0
    stored = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    differences = list(
        difflib.unified_diff(
            _comparable(stored),
            _comparable(text),
            "gespeichert",
            "neu migriert",
            n=0,
            lineterm="",
        )
    )
    if differences:
        print(
            f"{SNAPSHOT.relative_to(ROOT)} passt nicht zu den Migrationen: "
            "make test-schema schreibt die Datei neu. Die ersten Unterschiede:",
            *(line[:300] for line in differences[:20]),
            sep="\n",
            file=sys.stderr,
        )
        return 1
    print(f"{SNAPSHOT.relative_to(ROOT)} passt zu den Migrationen.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
