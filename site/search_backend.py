"""Wagtail's database search backend (modelsearch picks PostgreSQL's full text search or SQLite's
FTS5 by the database), with one fix for SQLite.

Why: FTS5 reads each search term and phrase as a quoted string, and modelsearch does not escape a
double quote inside one, so an unpaired `"` in a search field of the Wagtail admin ended the
string early: a syntax error (OperationalError), which the shop shows as its 503 page. There the
double quotes go before the terms reach FTS5 (ozg_site.sqlite_search).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend


# Named as modelsearch looks for it in a backend module.
def SearchBackend(params):
    backend = database_search_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Only on SQLite: the module defines the model of SQLite's search index.
    from . import sqlite_search

    if isinstance(backend, sqlite_search.sqlite.SQLiteSearchBackend):
        return sqlite_search.SQLiteSearchBackend(params)
    return backend  # SQLite without FTS5: modelsearch's fallback, no FTS5 syntax
