"""Acceptance records form a hash chain (sequence, previous_hash, chain_hash): the existing
records are chained in the order they were created (by id).

On PostgreSQL the immutability trigger of migration 0005 refuses every UPDATE of a record, also
the owner's: the chaining switches it off for its own UPDATEs, explicitly and only for this
table, and switches it on again before the migration commits (the whole migration is one
transaction, so no other session ever sees the table without its trigger)."""

from django.db import migrations, models

from shop.models.agreements import CHAIN_START, acceptance_chain_hash

TRIGGER = "shop_acceptancerecord_immutable"


def chain_existing_records(apps, schema_editor):
    AcceptanceRecord = apps.get_model("shop", "AcceptanceRecord")
    on_postgresql = schema_editor.connection.vendor == "postgresql"
    if on_postgresql:
        schema_editor.execute(f"ALTER TABLE shop_acceptancerecord DISABLE TRIGGER {TRIGGER}")
    previous_hash = CHAIN_START
    for sequence, record in enumerate(
        AcceptanceRecord.objects.order_by("pk").iterator(chunk_size=2000), start=1
    ):
        record.sequence = sequence
        record.previous_hash = previous_hash
        record.chain_hash = acceptance_chain_hash(record)
        AcceptanceRecord.objects.filter(pk=record.pk).update(
            sequence=record.sequence,
            previous_hash=record.previous_hash,
            chain_hash=record.chain_hash,
        )
        previous_hash = record.chain_hash
    if on_postgresql:
        # PostgreSQL refuses an ALTER TABLE while deferred foreign-key checks of the updated rows
        # are pending: run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(f"ALTER TABLE shop_acceptancerecord ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("shop", "0009_orderedservice_verwaltung_dienst_index")]

    operations = [
        migrations.AddField(
            model_name="acceptancerecord",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="acceptancerecord",
            name="previous_hash",
            field=models.CharField(
                default="", max_length=64, verbose_name="Prüfsumme des vorigen Nachweises"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="acceptancerecord",
            name="chain_hash",
            field=models.CharField(
                default="", max_length=64, verbose_name="Prüfsumme in der Kette"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_records, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="acceptancerecord",
            name="sequence",
            field=models.PositiveBigIntegerField(
                editable=False, unique=True, verbose_name="laufende Nummer"
            ),
        ),
    ]
