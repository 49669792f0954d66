"""PostgreSQL only: triggers that refuse UPDATE and DELETE of acceptance records and of
published agreement versions, also for raw SQL. SQLite gets none: Django's flush between
transactional tests deletes rows there with DELETE (on PostgreSQL it uses TRUNCATE, which row
triggers do not see)."""

from django.db import migrations

FORWARD_SQL = """
CREATE OR REPLACE FUNCTION shop_acceptancerecord_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Annahmenachweise werden nie geändert oder gelöscht (% auf Zeile %).',
        TG_OP, OLD.id
        USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS shop_acceptancerecord_immutable ON shop_acceptancerecord;
CREATE TRIGGER shop_acceptancerecord_immutable
    BEFORE UPDATE OR DELETE ON shop_acceptancerecord
    FOR EACH ROW EXECUTE FUNCTION shop_acceptancerecord_immutable();

CREATE OR REPLACE FUNCTION shop_agreementversion_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NULL THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Veröffentlichte Versionen von Vereinbarungen werden nie geändert oder '
        'gelöscht (% auf Zeile %).', TG_OP, OLD.id
        USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS shop_agreementversion_immutable ON shop_agreementversion;
CREATE TRIGGER shop_agreementversion_immutable
    BEFORE UPDATE OR DELETE ON shop_agreementversion
    FOR EACH ROW EXECUTE FUNCTION shop_agreementversion_immutable();
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS shop_agreementversion_immutable ON shop_agreementversion;
DROP FUNCTION IF EXISTS shop_agreementversion_immutable();
DROP TRIGGER IF EXISTS shop_acceptancerecord_immutable ON shop_acceptancerecord;
DROP FUNCTION IF EXISTS shop_acceptancerecord_immutable();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # params=None: the "%" in the SQL are PL/pgSQL placeholders, not the driver's.
        schema_editor.execute(FORWARD_SQL, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [("shop", "0004_agreements_and_membership_decisions")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
