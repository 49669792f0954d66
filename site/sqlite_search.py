"""modelsearch's SQLite FTS5 backend without double quotes in the terms (ozg_site.search_backend):
quotes around a phrase still make a phrase (Wagtail's query parser has taken them off already),
and a term of nothing but quotes finds nothing, as Wagtail's parser decides for a search of
only `"`."""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText, SearchQuery


def without_double_quotes(query: SearchQuery) -> SearchQuery:
    if isinstance(query, (PlainText, Phrase)):
        text = " ".join(query.query_string.replace('"', " ").split())
        if not text:
            return Not(MatchAll())
        if isinstance(query, Phrase):
            return Phrase(text)
        return PlainText(text, operator=query.operator, boost=query.boost)
    if isinstance(query, (And, Or)):
        return type(query)([without_double_quotes(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(without_double_quotes(query.subquery))
    return query


class _QueriesWithoutQuotes:
    def search(self, config, start, stop, score_field=None):
        self.query = without_double_quotes(self.query)
        return super().search(config, start, stop, score_field=score_field)


class SQLiteSearchQueryCompiler(_QueriesWithoutQuotes, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(
    _QueriesWithoutQuotes, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
