"""The application's database role (PostgreSQL): `setup_site --app-role` gives it what the site
needs and no more. As that role the whole site works, acceptance records can be written and
read, but not updated, deleted, truncated, or stripped of their trigger."""

from contextlib import contextmanager

import psycopg
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from psycopg import sql

from ozg_site.setup import database_app_role_ensure
from shop.agreements.selectors import acceptance_chain_verify
from shop.models import AcceptanceRecord
from tests.conftest import postgresql_only_and_restored
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.integration.checkout.test_concurrent_ordering import client_at_preview

# The role must see what the test wrote, from its own connection: each test commits for real
# and flushes the database afterwards; the module puts back what the migrations wrote.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Anwendung-2026!"
EVIDENCE_TABLE = AcceptanceRecord._meta.db_table


_postgresql_only_and_restored = postgresql_only_and_restored(
    reason="Datenbankrollen gibt es nur mit PostgreSQL (DATABASE_URL=postgres://…)."
)


@pytest.fixture
def app_role():
    """A role name of this test database (roles belong to the whole server), dropped after the
    test with everything granted to it."""
    role = f"{connection.settings_dict['NAME']}_app"[:63]
    yield role
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone():
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


@contextmanager
def connected_as(role: str):
    """A psycopg connection to the test database as the role, each statement committed."""
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        dbname=settings["NAME"],
        user=role,
        password=PASSWORD,
        autocommit=True,
    ) as app:
        yield app


@contextmanager
def django_connected_as(role: str):
    """Django's own connection (and its pool) as the role, as gunicorn would connect with the
    role in DATABASE_URL."""
    saved = {key: connection.settings_dict[key] for key in ("USER", "PASSWORD")}
    connection.close()
    connection.close_pool()
    connection.settings_dict.update(USER=role, PASSWORD=PASSWORD)
    try:
        yield
    finally:
        connection.close()
        connection.close_pool()
        connection.settings_dict.update(saved)


def refused(app: psycopg.Connection, statement: str) -> str:
    """Run the statement ({table}: the acceptance records) and return why it was refused."""
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
        app.execute(sql.SQL(statement).format(table=sql.Identifier(EVIDENCE_TABLE)))
    return error.value.diag.message_primary


@pytest.fixture
def placed_order():
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    return order_place(
        user=member_create(verwaltung=amt), verwaltung=amt, dienste=[dienst_create(title="Kfz")]
    )


def test_the_role_inserts_and_reads_records_but_cannot_change_or_remove_them(
    app_role, placed_order
):
    database_app_role_ensure(role=app_role, password=PASSWORD)
    first = AcceptanceRecord.objects.get()
    amt = amt_with_gemeinden(count=1)

    with django_connected_as(app_role):
        # INSERT (after the chain's lock and head) and SELECT, through the service.
        order_place(user=member_create(verwaltung=amt), verwaltung=amt, dienste=[dienst_create()])
        records = list(AcceptanceRecord.objects.order_by("sequence").values_list("pk", flat=True))

    with connected_as(app_role) as app:
        messages = [
            refused(app, "UPDATE {table} SET person_name = 'x'"),
            refused(app, "DELETE FROM {table}"),
            refused(app, "TRUNCATE {table}"),
            refused(app, "TRUNCATE {table} CASCADE"),
            refused(app, "ALTER TABLE {table} DISABLE TRIGGER shop_acceptancerecord_immutable"),
            refused(app, "ALTER TABLE {table} DISABLE TRIGGER ALL"),
            refused(app, "DROP TABLE {table}"),
            # Nor around the records: through the order they belong to.
            refused(app, "TRUNCATE order_order CASCADE"),
        ]

    assert len(records) == 2 and records[0] == first.pk
    assert messages[:4] == [f"permission denied for table {EVIDENCE_TABLE}"] * 4
    assert messages[4:7] == [f"must be owner of table {EVIDENCE_TABLE}"] * 3
    assert messages[7] == "permission denied for table order_order"
    assert AcceptanceRecord.objects.get(pk=first.pk).person_name == first.person_name
    assert acceptance_chain_verify().intact


def test_the_whole_site_works_as_the_role(app_role, page_tree, client):
    database_app_role_ensure(role=app_role, password=PASSWORD)
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    dienst = dienst_create(title="Wohnsitzanmeldung")
    member = member_create(verwaltung=amt, email="person@amt.example")
    member.set_password(PASSWORD)
    member.save()

    with django_connected_as(app_role):
        assert connection.cursor().connection.info.user == app_role
        pages = {path: client.get(path).status_code for path in ("/", "/dienste/", "/healthz")}
        signed_in = client.post(
            reverse("customer:login"),
            {
                "login-username": "person@amt.example",
                "login-password": PASSWORD,
                "login_submit": "Anmelden",
            },
        )
        ordering, place_order = client_at_preview(user=member, verwaltung=amt, dienst=dienst)
        placed = ordering.post(reverse("checkout:preview"), place_order)
        thanks = ordering.get(placed["Location"])
        overview = ordering.get(reverse("shop_orders:overview"))
        chain_intact = acceptance_chain_verify().intact

    assert pages == {"/": 200, "/dienste/": 200, "/healthz": 200}
    assert signed_in.status_code == 302
    assert placed.status_code == 302
    assert (thanks.status_code, overview.status_code) == (200, 200)
    assert AcceptanceRecord.objects.filter(user=member).count() == 1
    assert chain_intact


def test_setup_again_after_a_migration_covers_new_tables_and_keeps_the_records_read_only(
    app_role, placed_order
):
    first = database_app_role_ensure(role=app_role, password=PASSWORD)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE shop_later_migration (id integer)")
    try:
        again = database_app_role_ensure(role=app_role, password=None)

        with connected_as(app_role) as app:
            app.execute("INSERT INTO shop_later_migration VALUES (1)")
            app.execute("DELETE FROM shop_later_migration")
            refused(app, "DELETE FROM {table}")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE shop_later_migration")

    assert (first.created, again.created) == (True, False)
    assert again.summary() == (
        f"Anwendungsrolle {app_role}: Rechte erneuert; liest und schreibt alle Tabellen, die "
        "Annahmenachweise nur lesen und anlegen."
    )


def test_roles_with_too_many_rights_or_without_a_password_are_refused(app_role):
    cases = {
        "owner": dict(role=connection.settings_dict["USER"], password=PASSWORD),
        "malformed": dict(role="ozg-app; DROP", password=PASSWORD),
        "no password": dict(role=app_role, password=None),
    }
    messages = {}
    for case, arguments in cases.items():
        with pytest.raises(ValidationError) as error:
            database_app_role_ensure(**arguments)
        messages[case] = error.value.messages[0]

    assert messages["owner"].startswith("Die Anwendungsrolle muss eine andere sein als die Rolle")
    assert messages["malformed"].startswith("„ozg-app; DROP“ taugt nicht als Name")
    assert messages["no password"] == (
        f"Für die neue Rolle {app_role} fehlt das Passwort (Umgebungsvariable "
        "DATABASE_APP_PASSWORD)."
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_role])
        assert cursor.fetchone() is None


def test_setup_site_creates_the_role_with_the_site(app_role, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_APP_PASSWORD", PASSWORD)

    call_command("setup_site", "--app-role", app_role)

    assert f"Anwendungsrolle {app_role}: angelegt;" in capsys.readouterr().out
    with connected_as(app_role) as app:
        assert app.execute("SELECT count(*) > 1000 FROM shop_gemeinde").fetchone() == (True,)
        refused(app, "TRUNCATE {table}")

    monkeypatch.delenv("DATABASE_APP_PASSWORD")
    with pytest.raises(CommandError, match="taugt nicht als Name der Anwendungsrolle"):
        call_command("setup_site", "--app-role", "Ozg App")
