"""What a production site needs before editors start: fixed pages, the registry of the Land's
Verwaltungen and Gemeinden, the OZG catalogue, staff groups and the editorial workflow; on
PostgreSQL, if asked, the database role that the application runs as."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from cms_pages.services import PageTree, editorial_workflow_ensure, page_tree_ensure
from shop.accounts.services import EDITORS_GROUP, staff_groups_ensure
from shop.catalogue.ozg_katalog import (
    DEFAULT_LEIKA_LEISTUNGEN,
    DEFAULT_OZG_LEISTUNGEN,
    parse_ozg_katalog,
)
from shop.catalogue.services import ozg_katalog_import
from shop.generations import NAMES as CACHE_GENERATIONS
from shop.generations import generation_bump
from shop.models import AcceptanceRecord
from shop.registry.gemeindeverzeichnis import (
    SHIPPED_GEMEINDEVERZEICHNIS_BY_LAND,
    parse_gemeindeverzeichnis,
)
from shop.registry.services import registry_import_gemeindeverzeichnis


@dataclass(frozen=True)
class SiteSetupReport:
    tree: PageTree
    groups: dict[str, Group]
    # None: no shipped Gemeindeverzeichnis holds the shop's Land (SHOP_LAND).
    registry_changed: bool | None
    catalogue_changed: bool

    def summary(self) -> list[str]:
        """What setup_site and seed_demo tell the operator, in German."""
        return [
            f"Seitenbaum bereit: Startseite, {self.tree.service_index.url}, "
            f"{self.tree.news_index.url}, {self.tree.help_page.url} und "
            f"{len(self.tree.legal_pages)} rechtliche Seiten.",
            "Kommunalregister: " + self._registry_outcome(),
            "OZG-Katalog: " + ("aktualisiert." if self.catalogue_changed else "bereits aktuell."),
            "Mitarbeitergruppen: " + ", ".join(sorted(self.groups)) + ".",
            "Zwischenspeicher: neu begonnen (Seiten, Berichte und Übersichten entstehen mit "
            "dem eingespielten Stand neu).",
        ]

    def _registry_outcome(self) -> str:
        if self.registry_changed is None:
            return (
                f"kein mitgeliefertes Gemeindeverzeichnis für Land {settings.SHOP_LAND} "
                f"({settings.SHOP_LAND_NAME}); bitte den Auszug des Landes mit "
                "„manage.py import_gemeindeverzeichnis DATEI“ einlesen."
            )
        return "aktualisiert." if self.registry_changed else "bereits aktuell."


@transaction.atomic
def site_setup_ensure() -> SiteSetupReport:
    """Idempotent: a second run changes nothing (and says so)."""
    tree = page_tree_ensure()
    # The registry of the shop's Land, from the shipped file that holds it.
    land = settings.SHOP_LAND
    shipped = SHIPPED_GEMEINDEVERZEICHNIS_BY_LAND.get(land)
    registry_changed = None
    if shipped is not None:
        registry_changed = registry_import_gemeindeverzeichnis(
            records=parse_gemeindeverzeichnis(shipped, land=land), land=land
        ).has_changes
    katalog = ozg_katalog_import(
        katalog=parse_ozg_katalog(leistungen=DEFAULT_OZG_LEISTUNGEN, leika=DEFAULT_LEIKA_LEISTUNGEN)
    )
    groups = staff_groups_ensure()
    editorial_workflow_ensure(approvers=groups[EDITORS_GROUP])
    # Run after every deployment (docs/deployment.md): what the cache keeps was computed and
    # rendered by the old code and its templates, the coverage report for up to a day.
    for name in CACHE_GENERATIONS:
        generation_bump(name=name)
    return SiteSetupReport(
        tree=tree,
        groups=groups,
        registry_changed=registry_changed,
        catalogue_changed=katalog.has_changes,
    )


# == The application's database role (PostgreSQL) ==

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class AppRoleReport:
    role: str
    created: bool

    def summary(self) -> str:
        return (
            f"Anwendungsrolle {self.role}: "
            + ("angelegt" if self.created else "Rechte erneuert")
            + "; liest und schreibt alle Tabellen, die Annahmenachweise nur lesen und anlegen."
        )


def database_app_role_ensure(
    *, role: str, password: str | None, using: str = DEFAULT_DB_ALIAS
) -> AppRoleReport:
    """Create or update the role that gunicorn and the worker connect as, run as the role that
    owns the tables (the one that runs the migrations). Idempotent; run it after every migrate,
    because GRANT … ON ALL TABLES covers only the tables that exist (default privileges cover
    those the same owner creates later, but not a table that a migration drops and re-creates
    under another role).

    The role may read and write every table of the schema, except the acceptance records: those
    only SELECT and INSERT. It owns nothing, so it cannot TRUNCATE, switch off the immutability
    trigger (ALTER TABLE needs ownership) or change the grants. A password, if given, is set
    (a new role needs one). Refuses (ValidationError, German) SQLite, a malformed name, the
    owner itself, and a role with more rights than that (superuser, owner of tables, member of
    the owner's role), and changes nothing then.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise ValidationError(
            "Eine eigene Datenbankrolle für die Anwendung gibt es nur mit PostgreSQL; mit SQLite "
            "läuft der Shop ohne."
        )
    if not ROLE_NAME.match(role):
        raise ValidationError(
            f"„{role}“ taugt nicht als Name der Anwendungsrolle: erlaubt sind Kleinbuchstaben, "
            "Ziffern und „_“, am Anfang keine Ziffer, höchstens 63 Zeichen."
        )
    # The statements go to psycopg directly, past Django's query log: one carries the password.
    from psycopg import errors, sql

    with transaction.atomic(using=using):
        connection.ensure_connection()
        db = connection.connection
        owner, schema, database = db.execute(
            "SELECT current_user, current_schema(), current_database()"
        ).fetchone()
        if role == owner:
            raise ValidationError(
                f"Die Anwendungsrolle muss eine andere sein als die Rolle {owner}, die die "
                "Tabellen besitzt und die Migrationen ausführt."
            )
        existing = db.execute(
            "SELECT rolsuper OR rolbypassrls, "
            "EXISTS (SELECT FROM pg_class WHERE relowner = pg_roles.oid), "
            "pg_has_role(rolname, current_user, 'USAGE') "
            "FROM pg_roles WHERE rolname = %s",
            [role],
        ).fetchone()
        if existing and any(existing):
            raise ValidationError(
                f"Die Rolle {role} hat mehr Rechte, als die Anwendung haben darf (Superuser, "
                f"Eigentümerin von Tabellen oder Mitglied von {owner}); bitte eine neue Rolle "
                "wählen."
            )
        if not existing and not password:
            raise ValidationError(
                f"Für die neue Rolle {role} fehlt das Passwort (Umgebungsvariable "
                "DATABASE_APP_PASSWORD)."
            )
        app = sql.Identifier(role)
        statements = []
        if password:
            statements.append(
                sql.SQL(
                    "{} ROLE {} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    "NOBYPASSRLS PASSWORD {}"
                ).format(sql.SQL("ALTER" if existing else "CREATE"), app, sql.Literal(password))
            )
        names = {"app": app, "schema": sql.Identifier(schema), "database": sql.Identifier(database)}
        names["evidence"] = sql.Identifier(AcceptanceRecord._meta.db_table)
        statements += [
            sql.SQL(statement).format(**names)
            for statement in (
                "GRANT CONNECT ON DATABASE {database} TO {app}",
                "GRANT USAGE ON SCHEMA {schema} TO {app}",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app}",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}",
                # In the same transaction as the GRANT above: never a moment with more rights.
                "REVOKE ALL ON TABLE {schema}.{evidence} FROM {app}",
                "GRANT SELECT, INSERT ON TABLE {schema}.{evidence} TO {app}",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
                "GRANT USAGE, SELECT ON SEQUENCES TO {app}",
            )
        ]
        try:
            for statement in statements:
                db.execute(statement)
        except errors.InsufficientPrivilege as error:
            raise ValidationError(
                f"Die Rolle {owner} darf die Anwendungsrolle nicht anlegen oder ihr keine Rechte "
                f"geben ({error.diag.message_primary}). setup_site läuft mit der Rolle, der die "
                "Tabellen gehören; für eine neue Rolle braucht sie CREATEROLE, sonst legt ein "
                "Datenbankadministrator die Rolle vorher an."
            ) from error
    return AppRoleReport(role=role, created=not existing)
