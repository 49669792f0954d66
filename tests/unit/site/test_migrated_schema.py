"""The migrated SQLite test database kept as SQL (tests/migrated_schema.py)."""

import contextlib
import sqlite3

from tests.migrated_schema import DIGEST_PREFIX
from tests.migrated_schema import SNAPSHOT
from tests.migrated_schema import migrated_schema_restore
from tests.migrated_schema import migrations_digest


def test_the_file_is_taken_of_the_migrations_on_disk():
    assert f"{DIGEST_PREFIX}{migrations_digest()}\n" in SNAPSHOT.read_text(encoding="utf-8"), (
        "tests/migrated_schema.sql passt nicht zu den Migrationen: make test-schema"
    )


def test_restored_it_is_the_migrated_database(tmp_path):
    target = tmp_path / "test.sqlite3"

    assert migrated_schema_restore(target=target)

    with contextlib.closing(sqlite3.connect(target)) as database:
        tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master")}
        applied = database.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        triggers = database.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).fetchone()[0]
    assert {"shop_orderdetails", "wagtailcore_page", "order_order"} <= tables
    assert applied >= 355
    assert triggers == 3  # Wagtail's search index (the evidence's triggers: PostgreSQL only)


def test_restored_wagtails_full_text_index_finds_what_it_is_given(tmp_path):
    target = tmp_path / "test.sqlite3"
    migrated_schema_restore(target=target)

    with contextlib.closing(sqlite3.connect(target)) as database:
        database.execute(
            "INSERT INTO wagtailsearch_indexentry_fts (rowid, title, body, autocomplete) "
            "VALUES (7, 'Wohngeld beantragen', '', '')"
        )
        found = database.execute(
            "SELECT rowid FROM wagtailsearch_indexentry_fts "
            "WHERE wagtailsearch_indexentry_fts MATCH 'wohngeld'"
        ).fetchall()
        integrity = database.execute("PRAGMA integrity_check").fetchone()

    assert found == [(7,)]
    assert integrity == ("ok",)


def test_a_file_of_other_migrations_is_not_restored(tmp_path):
    other = tmp_path / "migrated_schema.sql"
    other.write_text(
        SNAPSHOT.read_text(encoding="utf-8").replace(DIGEST_PREFIX, f"{DIGEST_PREFIX}0", 1),
        encoding="utf-8",
    )
    target = tmp_path / "test.sqlite3"
    target.write_bytes(b"unchanged")

    assert not migrated_schema_restore(target=target, snapshot=other)
    assert target.read_bytes() == b"unchanged"
