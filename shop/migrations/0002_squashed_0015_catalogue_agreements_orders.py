"""Migrations 0002 to 0015 of the shop, squashed: the catalogue, the agreements, the orders and
their rollout, the news, the outgoing e-mails and the throttle.

0001_initial stays on its own: Oscar's and Wagtail's migrations depend on the user model through
AUTH_USER_MODEL (the shop's first migration), and this one depends on theirs.

Kept from the replaced migrations: Site 1's name and domain (0002) and the PostgreSQL triggers
that keep acceptance records and published agreement versions unchanged (0005). Left out, because
they only matter for data a new database does not have: the status e-mails of the rollout (0008;
shop.receivers.rollout_mail_types_after_migrate creates them after every migrate) and the hash
chain over the acceptance records that existed before 0010 (a new database has none)."""

from urllib.parse import urlsplit

import django.db.models.deletion
import django.utils.timezone
import modelsearch.index
from django.conf import settings
from django.db import migrations, models

import shop.models.orders

IMMUTABILITY_TRIGGERS_SQL = """
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

DROP_IMMUTABILITY_TRIGGERS_SQL = """
DROP TRIGGER IF EXISTS shop_agreementversion_immutable ON shop_agreementversion;
DROP FUNCTION IF EXISTS shop_agreementversion_immutable();
DROP TRIGGER IF EXISTS shop_acceptancerecord_immutable ON shop_acceptancerecord;
DROP FUNCTION IF EXISTS shop_acceptancerecord_immutable();
"""


def set_site(apps, schema_editor):
    """Oscar's e-mails use django.contrib.sites: Site 1 gets the shop's real name and domain."""
    site_model = apps.get_model("sites", "Site")
    domain = urlsplit(settings.SHOP_BASE_URL).netloc or "127.0.0.1:8000"
    site_model.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "OZG-Dienste-Shop"}
    )


def create_immutability_triggers(apps, schema_editor):
    """PostgreSQL only: the triggers refuse UPDATE and DELETE also for raw SQL. SQLite gets none:
    Django's flush between transactional tests deletes rows there with DELETE (on PostgreSQL it
    uses TRUNCATE, which row triggers do not see)."""
    if schema_editor.connection.vendor == "postgresql":
        # params=None: the "%" in the SQL are PL/pgSQL placeholders, not the driver's.
        schema_editor.execute(IMMUTABILITY_TRIGGERS_SQL, params=None)


def drop_immutability_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_IMMUTABILITY_TRIGGERS_SQL, params=None)


class Migration(migrations.Migration):

    replaces = [
        ('shop', '0002_django_site'),
        ('shop', '0003_ozg_catalogue'),
        ('shop', '0004_agreements_and_membership_decisions'),
        ('shop', '0005_immutability_triggers'),
        ('shop', '0006_orders'),
        ('shop', '0007_rollout_messages_news'),
        ('shop', '0008_rollout_mail_types'),
        ('shop', '0009_orderedservice_verwaltung_dienst_index'),
        ('shop', '0010_acceptance_record_hash_chain'),
        ('shop', '0011_catalogue_entries_in_catalogue'),
        ('shop', '0012_outgoing_mail'),
        ('shop', '0013_throttle_events'),
        ('shop', '0014_editors_labels'),
        ('shop', '0015_rollout_status_choices_callable'),
    ]

    dependencies = [
        ('catalogue', '0032_category_exclude_from_menu_category_long_description'),
        ('order', '0021_billingaddress_code_shippingaddress_code'),
        ('shop', '0001_initial'),
        ('sites', '0002_alter_domain_unique'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.AddField(
            model_name='membership',
            name='decided_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entschieden von'),
        ),
        migrations.AddField(
            model_name='membership',
            name='reason',
            field=models.TextField(blank=True, help_text='Bei einer Ablehnung: warum (geht an die Person).', verbose_name='Begründung'),
        ),
        migrations.CreateModel(
            name='Themenfeld',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='Name')),
                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='Kurzname')),
            ],
            options={
                'verbose_name': 'Themenfeld',
                'verbose_name_plural': 'Themenfelder',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Lage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='Kurzname')),
                ('themenfeld', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='lagen', to='shop.themenfeld', verbose_name='Themenfeld')),
            ],
            options={
                'verbose_name': 'Lage',
                'verbose_name_plural': 'Lagen',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(fields=('themenfeld', 'name'), name='lage_unique_per_themenfeld')],
            },
        ),
        migrations.CreateModel(
            name='OzgLeistung',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('ozg_id', models.CharField(max_length=10, unique=True, verbose_name='OZG-ID')),
                ('name', models.CharField(max_length=300, verbose_name='Name')),
                ('in_catalogue', models.BooleanField(default=True, verbose_name='im aktuellen Katalog')),
                ('lage', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='ozg_leistungen', to='shop.lage', verbose_name='Lage')),
            ],
            options={
                'verbose_name': 'OZG-Leistung',
                'verbose_name_plural': 'OZG-Leistungen',
                'ordering': ['ozg_id'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='LeikaLeistung',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(blank=True, db_index=True, max_length=14, verbose_name='LeiKa-Schlüssel')),
                ('name', models.CharField(max_length=500, verbose_name='Name')),
                ('ozg_id', models.CharField(help_text='Wie im Katalog angegeben, auch wenn die OZG-Leistung dort fehlt.', max_length=10, verbose_name='OZG-ID laut Katalog')),
                ('leika_type', models.CharField(blank=True, max_length=20, verbose_name='Typisierung')),
                ('legal_basis', models.TextField(blank=True, verbose_name='Rechtsgrundlage')),
                ('laws', models.TextField(blank=True, verbose_name='Gesetze')),
                ('law_abbreviations', models.CharField(blank=True, max_length=300, verbose_name='Gesetzeskürzel')),
                ('in_catalogue', models.BooleanField(default=True, verbose_name='im aktuellen Katalog')),
                ('ozg_leistung', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='leika_leistungen', to='shop.ozgleistung', verbose_name='OZG-Leistung')),
            ],
            options={
                'verbose_name': 'LeiKa-Leistung',
                'verbose_name_plural': 'LeiKa-Leistungen',
                'ordering': ['key', 'name'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('key', ''), _negated=True), fields=('key',), name='leika_key_unique_when_set')],
            },
        ),
        migrations.CreateModel(
            name='Agreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('nutzungsbedingungen', 'Allgemeine Nutzungsbedingungen'), ('beitrittserklaerung', 'Beitrittserklärung zur Nachnutzung'), ('avv', 'Auftragsverarbeitungsvertrag (AVV)'), ('dienstspezifisch', 'Dienstspezifische Bedingungen')], max_length=30, verbose_name='Art')),
                ('title', models.CharField(max_length=200, verbose_name='Titel')),
                ('slug', models.SlugField(max_length=100, unique=True, verbose_name='Kurzname')),
                ('required_for_every_order', models.BooleanField(default=False, help_text='Die Allgemeinen Nutzungsbedingungen gelten für jede Bestellung.', verbose_name='für jede Bestellung erforderlich')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
            ],
            options={
                'verbose_name': 'Vereinbarung',
                'verbose_name_plural': 'Vereinbarungen',
                'ordering': ['title'],
            },
        ),
        migrations.CreateModel(
            name='Dienst',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('page_id', models.PositiveIntegerField(blank=True, null=True, unique=True, verbose_name='Seiten-ID')),
                ('title', models.CharField(max_length=255, verbose_name='Titel')),
                ('url', models.CharField(blank=True, max_length=500, verbose_name='Adresse des Steckbriefs')),
                ('is_published', models.BooleanField(default=False, verbose_name='veröffentlicht')),
                ('availability', models.CharField(choices=[('verfuegbar', 'verfügbar'), ('in_vorbereitung', 'in Vorbereitung')], default='verfuegbar', max_length=20, verbose_name='Verfügbarkeit')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='geändert am')),
                ('product', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='ozg_dienst', to='catalogue.product', verbose_name='Produkt')),
                ('required_agreements', models.ManyToManyField(blank=True, help_text='Zusätzlich zu den Vereinbarungen, die jede Bestellung braucht.', related_name='dienste', to='shop.agreement', verbose_name='erforderliche Vereinbarungen')),
                ('ozg_leistungen', models.ManyToManyField(blank=True, related_name='dienste', to='shop.ozgleistung', verbose_name='OZG-Leistungen')),
            ],
            options={
                'verbose_name': 'Dienst',
                'verbose_name_plural': 'Dienste',
                'ordering': ['title'],
            },
        ),
        migrations.CreateModel(
            name='AgreementVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(max_length=20, verbose_name='Version')),
                ('text', models.TextField(verbose_name='Vertragstext')),
                ('valid_from', models.DateField(verbose_name='gültig ab')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='veröffentlicht am')),
                ('text_sha256', models.CharField(editable=False, max_length=64, verbose_name='SHA-256 des Textes')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='shop.agreement', verbose_name='Vereinbarung')),
                ('pdf', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtaildocs.document', verbose_name='PDF')),
            ],
            options={
                'verbose_name': 'Version einer Vereinbarung',
                'verbose_name_plural': 'Versionen von Vereinbarungen',
                'ordering': ['agreement', '-valid_from', '-pk'],
                'constraints': [models.UniqueConstraint(fields=('agreement', 'version'), name='agreement_version_unique')],
            },
        ),
        migrations.CreateModel(
            name='AcceptanceRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text_sha256', models.CharField(max_length=64, verbose_name='SHA-256 des angenommenen Textes')),
                ('person_name', models.CharField(max_length=300, verbose_name='Name der Person')),
                ('person_email', models.EmailField(max_length=254, verbose_name='E-Mail der Person')),
                ('verwaltung_name', models.CharField(max_length=200, verbose_name='Name der Verwaltung')),
                ('accepted_at', models.DateTimeField(verbose_name='angenommen am')),
                ('ip_address', models.GenericIPAddressField(blank=True, null=True, verbose_name='IP-Adresse')),
                ('sequence', models.PositiveBigIntegerField(editable=False, unique=True, verbose_name='laufende Nummer')),
                ('previous_hash', models.CharField(max_length=64, verbose_name='Prüfsumme des vorigen Nachweises')),
                ('chain_hash', models.CharField(max_length=64, verbose_name='Prüfsumme in der Kette')),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='acceptance_records', to='order.order', verbose_name='Bestellung')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='acceptance_records', to=settings.AUTH_USER_MODEL, verbose_name='Person')),
                ('verwaltung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='acceptance_records', to='shop.verwaltung', verbose_name='Verwaltung')),
                ('agreement_version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='acceptance_records', to='shop.agreementversion', verbose_name='Version')),
            ],
            options={
                'verbose_name': 'Annahmenachweis',
                'verbose_name_plural': 'Annahmenachweise',
                'ordering': ['-accepted_at', '-pk'],
                'constraints': [models.UniqueConstraint(fields=('order', 'agreement_version'), name='acceptance_once_per_order')],
            },
        ),
        migrations.CreateModel(
            name='OrderDetails',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('wished_start_date', models.DateField(verbose_name='gewünschter Start')),
                ('remarks', models.TextField(blank=True, verbose_name='Anmerkungen')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
                ('order', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='ozg_details', to='order.order', verbose_name='Bestellung')),
                ('verwaltung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='order_details', to='shop.verwaltung', verbose_name='Verwaltung')),
            ],
            options={
                'verbose_name': 'Bestelldetails',
                'verbose_name_plural': 'Bestelldetails',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='OrderedService',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('service_url', models.URLField(blank=True, help_text='Sobald der Dienst live ist.', max_length=500, verbose_name='Adresse des Dienstes')),
                ('is_active', models.BooleanField(default=True, help_text='Nicht abgelehnt und nicht storniert.', verbose_name='aktiv')),
                ('details', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='services', to='shop.orderdetails', verbose_name='Bestelldetails')),
                ('dienst', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='ordered_services', to='shop.dienst', verbose_name='Dienst')),
                ('line', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='ozg_service', to='order.line', verbose_name='Bestellposition')),
                ('verwaltung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='ordered_services', to='shop.verwaltung', verbose_name='Verwaltung')),
            ],
            options={
                'verbose_name': 'Bestellter Dienst',
                'verbose_name_plural': 'Bestellte Dienste',
                'ordering': ['-pk'],
                'indexes': [models.Index(fields=['verwaltung', 'dienst'], name='orderedsvc_verwaltung_dienst')],
            },
        ),
        migrations.CreateModel(
            name='OrderContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('fachlich', 'Fachliche Ansprechperson'), ('technisch', 'Technische Ansprechperson'), ('funktionspostfach', 'Funktionspostfach'), ('datenschutz', 'Datenschutz'), ('digitalisierung', 'Digitalisierungsbeauftragte/r')], max_length=30, verbose_name='Rolle')),
                ('name', models.CharField(blank=True, help_text='Beim Funktionspostfach: Bezeichnung.', max_length=200, verbose_name='Name')),
                ('email', models.EmailField(max_length=254, verbose_name='E-Mail')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                ('details', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contacts', to='shop.orderdetails', verbose_name='Bestelldetails')),
            ],
            options={
                'verbose_name': 'Ansprechperson',
                'verbose_name_plural': 'Ansprechpersonen',
                'constraints': [models.UniqueConstraint(fields=('details', 'role'), name='order_contact_one_per_role')],
            },
        ),
        migrations.CreateModel(
            name='ServiceCoverage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_active', models.BooleanField(default=True, verbose_name='aktiv')),
                ('dienst', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='coverage', to='shop.dienst', verbose_name='Dienst')),
                ('gemeinde', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='service_coverage', to='shop.gemeinde', verbose_name='Gemeinde')),
                ('ordered_service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coverage', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
                ('verwaltung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='service_coverage', to='shop.verwaltung', verbose_name='Verwaltung')),
            ],
            options={
                'verbose_name': 'Dienst je Gemeinde',
                'verbose_name_plural': 'Dienste je Gemeinde',
                'indexes': [models.Index(fields=['verwaltung', 'dienst'], name='coverage_verwaltung_dienst')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('gemeinde__isnull', False), ('is_active', True)), fields=('dienst', 'gemeinde'), name='coverage_one_active_order_per_dienst_and_gemeinde'), models.UniqueConstraint(condition=models.Q(('gemeinde__isnull', True), ('is_active', True)), fields=('dienst', 'verwaltung'), name='coverage_one_active_order_per_dienst_and_kreis')],
            },
        ),
        migrations.CreateModel(
            name='RolloutEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_status', models.CharField(choices=shop.models.orders.rollout_status_choices, max_length=30, verbose_name='vorher')),
                ('new_status', models.CharField(choices=shop.models.orders.rollout_status_choices, max_length=30, verbose_name='nachher')),
                ('reason', models.TextField(blank=True, verbose_name='Begründung')),
                ('service_url', models.URLField(blank=True, max_length=500, verbose_name='Adresse des Dienstes')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='geändert am')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='geändert von')),
                ('ordered_service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
            ],
            options={
                'verbose_name': 'Statusänderung',
                'verbose_name_plural': 'Statusänderungen',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='OrderMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_staff', models.BooleanField(default=False, verbose_name='vom Umsetzungsteam')),
                ('text', models.TextField(max_length=5000, verbose_name='Nachricht')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='geschrieben am')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='gelesen am')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='order_messages', to=settings.AUTH_USER_MODEL, verbose_name='verfasst von')),
                ('details', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='shop.orderdetails', verbose_name='Bestelldetails')),
            ],
            options={
                'verbose_name': 'Rückfrage',
                'verbose_name_plural': 'Rückfragen',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='NewsAnnouncement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_key', models.CharField(max_length=100, unique=True, verbose_name='Ereignis')),
                ('subject', models.CharField(max_length=300, verbose_name='Betreff')),
                ('recipients_count', models.PositiveIntegerField(default=0, verbose_name='Empfänger')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angekündigt am')),
            ],
            options={
                'verbose_name': 'Ankündigung',
                'verbose_name_plural': 'Ankündigungen',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='NewsSubscription',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='abonniert am')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='news_subscription', to=settings.AUTH_USER_MODEL, verbose_name='Person')),
            ],
            options={
                'verbose_name': 'Abonnement der Neuigkeiten',
                'verbose_name_plural': 'Abonnements der Neuigkeiten',
            },
        ),
        migrations.CreateModel(
            name='OutgoingMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.TextField(verbose_name='Betreff')),
                ('body', models.TextField(verbose_name='Text')),
                ('html_body', models.TextField(blank=True, verbose_name='HTML-Text')),
                ('from_email', models.TextField(verbose_name='Absender')),
                ('recipients', models.JSONField(default=list, verbose_name='Empfänger')),
                ('status', models.CharField(choices=[('pending', 'wartet auf Versand'), ('sent', 'zugestellt'), ('failed', 'endgültig fehlgeschlagen')], default='pending', max_length=10, verbose_name='Status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='Versuche')),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='nächster Versuch')),
                ('locked_until', models.DateTimeField(blank=True, null=True, verbose_name='in Arbeit bis')),
                ('last_error', models.TextField(blank=True, verbose_name='letzter Fehler')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='erstellt am')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='zugestellt am')),
            ],
            options={
                'verbose_name': 'ausgehende E-Mail',
                'verbose_name_plural': 'ausgehende E-Mails',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='outgoingmail_due_idx')],
            },
        ),
        migrations.CreateModel(
            name='ThrottleEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scope', models.CharField(choices=[('mail_to_address', 'E-Mail an eine Adresse'), ('client_request', 'Anfrage eines Anschlusses')], max_length=20, verbose_name='Art')),
                ('key', models.CharField(max_length=254, verbose_name='E-Mail-Adresse oder IP-Adresse')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='Zeitpunkt')),
            ],
            options={
                'verbose_name': 'Drosselungsereignis',
                'verbose_name_plural': 'Drosselungsereignisse',
                'indexes': [models.Index(fields=['scope', 'key', 'created_at'], name='throttle_scope_key_time')],
            },
        ),
        migrations.RunPython(set_site, migrations.RunPython.noop),
        migrations.RunPython(create_immutability_triggers, drop_immutability_triggers),
    ]
