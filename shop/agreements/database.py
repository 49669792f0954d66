"""PostgreSQL triggers that keep the evidence unchanged also against raw SQL and
QuerySet.update(): an acceptance record is never updated or deleted, a published agreement
version is never updated or deleted.

For a migration (PostgreSQL only; SQLite gets no trigger, because Django's flush between
transactional tests deletes rows there with DELETE, which a trigger would refuse; on PostgreSQL
flush uses TRUNCATE, which row triggers do not see). The errors carry SQLSTATE 23001
(restrict_violation), which Django raises as IntegrityError.
"""

IMMUTABLE_ACCEPTANCE_RECORDS_SQL = """
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
"""

IMMUTABLE_ACCEPTANCE_RECORDS_REVERSE_SQL = """
DROP TRIGGER IF EXISTS shop_acceptancerecord_immutable ON shop_acceptancerecord;
DROP FUNCTION IF EXISTS shop_acceptancerecord_immutable();
"""

# A draft (published_at IS NULL) may change, be published (published_at set) or be deleted; a
# published row may be saved unchanged (NEW IS NOT DISTINCT FROM OLD) and nothing else.
IMMUTABLE_AGREEMENT_VERSIONS_SQL = """
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

IMMUTABLE_AGREEMENT_VERSIONS_REVERSE_SQL = """
DROP TRIGGER IF EXISTS shop_agreementversion_immutable ON shop_agreementversion;
DROP FUNCTION IF EXISTS shop_agreementversion_immutable();
"""

# Forward and reverse SQL of both triggers, in the order a migration runs them.
IMMUTABILITY_TRIGGERS_SQL = IMMUTABLE_ACCEPTANCE_RECORDS_SQL + IMMUTABLE_AGREEMENT_VERSIONS_SQL
IMMUTABILITY_TRIGGERS_REVERSE_SQL = (
    IMMUTABLE_AGREEMENT_VERSIONS_REVERSE_SQL + IMMUTABLE_ACCEPTANCE_RECORDS_REVERSE_SQL
)
