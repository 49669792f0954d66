"""shop.sql: plain SQL for hot lists gives the values the ORM would give, on SQLite and on
PostgreSQL: tables by model, named values and IN lists as parameters, typed columns converted."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.models import OnboardingChecklist
from shop.models import Verwaltung
from shop.sql import SqlPages
from shop.sql import sql_rows
from tests.factories.orders import checklist_field
from tests.factories.orders import dienst_create
from tests.factories.registry import VerwaltungFactory

pytestmark = pytest.mark.django_db


def test_tables_values_and_in_lists_are_filled_in_and_the_rows_come_by_column_name():
    first, second, third = VerwaltungFactory.create_batch(3)

    rows = sql_rows(
        "SELECT id, name FROM {shop.Verwaltung} WHERE id IN ({wanted}) AND name <> %(not_named)s"
        " ORDER BY id",
        {"not_named": third.name},
        lists={"wanted": [first.pk, second.pk, third.pk]},
    )

    assert rows == [{"id": first.pk, "name": first.name}, {"id": second.pk, "name": second.name}]


def test_typed_columns_come_as_the_orm_gives_them():
    dienst = dienst_create()
    fields = [checklist_field("text", "Ansprechperson", required=True)]
    checklist = OnboardingChecklist.objects.create(dienst=dienst, version=1, fields=fields)
    verwaltung = VerwaltungFactory(active=False)

    (row,) = sql_rows(
        "SELECT checklist.fields, checklist.created_at, verwaltung.active"
        " FROM {shop.OnboardingChecklist} checklist, {shop.Verwaltung} verwaltung"
        " WHERE checklist.id = %(checklist)s AND verwaltung.id = %(verwaltung)s",
        {"checklist": checklist.pk, "verwaltung": verwaltung.pk},
        types={
            "fields": OnboardingChecklist._meta.get_field("fields"),
            "created_at": OnboardingChecklist._meta.get_field("created_at"),
            "active": Verwaltung._meta.get_field("active"),
        },
    )

    assert row["fields"] == fields
    assert isinstance(row["created_at"], datetime.datetime)
    assert row["created_at"] == OnboardingChecklist.objects.get().created_at
    assert row["active"] is False


def test_a_value_is_a_parameter_never_part_of_the_statement():
    VerwaltungFactory(name="Amt Süd")

    rows = sql_rows(
        "SELECT id FROM {shop.Verwaltung} WHERE name = %(name)s",
        {"name": "Amt Süd' OR '1'='1"},
    )

    assert rows == []


def test_an_empty_in_list_is_refused_before_the_database_is_asked():
    with pytest.raises(ValueError, match="at least one value"):
        sql_rows("SELECT id FROM {shop.Verwaltung} WHERE id IN ({wanted})", lists={"wanted": []})


def test_an_unknown_table_fails_loudly():
    with pytest.raises(LookupError):
        sql_rows("SELECT id FROM {shop.NoSuchModel}")


def _verwaltungen_by_name() -> SqlPages:
    return SqlPages(
        sql="SELECT name, active FROM {shop.Verwaltung} WHERE name LIKE %(amt)s ORDER BY name",
        count_sql="SELECT COUNT(*) AS count FROM {shop.Verwaltung} WHERE name LIKE %(amt)s",
        params={"amt": "Amt %"},
        types={"active": Verwaltung._meta.get_field("active")},
    )


def test_a_paginator_counts_once_and_reads_only_the_rows_of_its_page():
    for index in range(7):
        VerwaltungFactory(name=f"Amt {index}", active=index != 5)

    with CaptureQueriesContext(connection) as queries:
        page = Paginator(_verwaltungen_by_name(), 3).get_page(2)
        rows = list(page.object_list)

    assert [row["name"] for row in rows] == ["Amt 3", "Amt 4", "Amt 5"]
    assert rows[2]["active"] is False
    assert (page.paginator.count, page.paginator.num_pages) == (7, 3)
    assert len(queries) == 2
    assert "LIMIT" in queries[1]["sql"]


def test_a_slice_reads_its_rows_and_an_empty_slice_asks_nothing():
    for index in range(4):
        VerwaltungFactory(name=f"Amt {index}")
    pages = _verwaltungen_by_name()

    assert [row["name"] for row in pages[:2]] == ["Amt 0", "Amt 1"]
    assert [row["name"] for row in pages[3:10]] == ["Amt 3"]
    with CaptureQueriesContext(connection) as queries:
        assert pages[2:2] == []
    assert len(queries) == 0


@pytest.mark.parametrize("bounds", [slice(2, None), slice(0, 4, 2)])
def test_an_open_or_stepped_slice_is_refused(bounds):
    with pytest.raises(TypeError, match="bounded slices"):
        _verwaltungen_by_name()[bounds]
