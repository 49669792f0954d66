"""Plain SQL for the few reads on hot list pages where building the query with the ORM costs
more than running it: a `.filter().values().annotate()` takes Django about 2,000 function calls
to compile, a page of "Meine Dienste" needs several such queries, and SQLite answers each in well
under a millisecond. The SQL is standard (SQLite and PostgreSQL both run it, both in CI); tables
are named by their models (`{shop.OrderedService}`, `{order.Line}`), so that a renamed table
fails loudly; values are always parameters, never part of the text."""

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache, partial

from django.apps import apps
from django.db import connection, models
from django.db.models import Value


@cache
def _table(app_label: str, model_name: str) -> str:
    return connection.ops.quote_name(apps.get_model(app_label, model_name)._meta.db_table)


class _AppTables:
    def __init__(self, app_label: str):
        self.app_label = app_label

    def __getattr__(self, model_name: str) -> str:
        return _table(self.app_label, model_name)


class _Names(dict):
    """What `{…}` in the SQL stands for: an IN list given by name, else an app's tables."""

    def __missing__(self, app_label: str) -> _AppTables:
        return _AppTables(app_label)


def _converter(field: models.Field):
    """What the ORM does to a column of this type on its way out of the database (SQLite, for
    one, hands datetimes back as text), for a column of plain SQL."""
    expression = Value(None, output_field=field)
    functions = [
        *connection.ops.get_db_converters(expression),
        *field.get_db_converters(connection),
    ]
    steps = [
        partial(function, expression=expression, connection=connection) for function in functions
    ]

    def convert(value):
        for step in steps:
            value = step(value)
        return value

    return convert


def sql_rows(
    sql: str,
    params: Mapping[str, object] | None = None,
    *,
    lists: Mapping[str, Sequence] | None = None,
    types: Mapping[str, models.Field] | None = None,
) -> list[dict]:
    """The rows of `sql` as dicts by column name. Values as `%(name)s` from `params`; a list of
    values for `IN ({name})` from `lists` (not empty); tables as `{app_label.ModelName}`.
    Columns named in `types` are converted as the ORM converts a field of that type (datetimes,
    booleans, JSON); others come as the driver gives them."""
    values = dict(params or {})
    names = _Names()
    for name, items in (lists or {}).items():
        if not items:
            raise ValueError(f"The IN list {name!r} needs at least one value.")
        keys = [f"{name}_{index}" for index in range(len(items))]
        values.update(zip(keys, items, strict=True))
        names[name] = ", ".join(f"%({key})s" for key in keys)
    with connection.cursor() as cursor:
        cursor.execute(sql.format_map(names), values)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    for name, field in (types or {}).items():
        convert = _converter(field)
        for row in rows:
            row[name] = convert(row[name])
    return rows


@dataclasses.dataclass(frozen=True, kw_only=True)
class SqlPages:
    """The rows of `sql` (ordered, without LIMIT) for Django's Paginator or a slice such as
    `[:5]`: each slice reads only its rows (LIMIT/OFFSET), `count()` runs `count_sql`; for
    lists too long to read whole on every page. `params` and `types` as for sql_rows()."""

    sql: str
    count_sql: str
    params: Mapping[str, object]
    types: Mapping[str, models.Field] | None = None

    def count(self) -> int:
        return sql_rows(self.count_sql, self.params)[0]["count"]

    def __getitem__(self, bounds: slice) -> list[dict]:
        # An open end would need LIMIT -1 (SQLite) or LIMIT ALL (PostgreSQL).
        if not isinstance(bounds, slice) or bounds.step is not None or bounds.stop is None:
            raise TypeError("SqlPages reads bounded slices of rows only, e.g. [:25] or [25:50].")
        start = bounds.start or 0
        if bounds.stop <= start:
            return []
        return sql_rows(
            f"{self.sql} LIMIT %(sql_pages_limit)s OFFSET %(sql_pages_offset)s",
            {**self.params, "sql_pages_limit": bounds.stop - start, "sql_pages_offset": start},
            types=self.types,
        )
