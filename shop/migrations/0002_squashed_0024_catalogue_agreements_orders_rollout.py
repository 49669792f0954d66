"""Migrations 0002 to 0024 of the shop, squashed: the catalogue, the agreements, the orders and
their rollout, the news, the outgoing e-mails, the throttle, the Verwaltungen's admins and
members, the interest in services, the changes of contacts and withdrawals, the order documents,
the onboarding checklists, the API clients and the webhooks.

0001_initial stays on its own: Oscar's and Wagtail's migrations depend on the user model through
AUTH_USER_MODEL (the shop's first migration), and this one depends on theirs.

It replaces the original migrations 0002 to 0015 (which an earlier squash,
0002_squashed_0015_catalogue_agreements_orders, also replaced and recorded) and 0016 to 0024, so
a database that has either counts as migrated. Kept from the replaced migrations: Site 1's name
and domain (0002) and the PostgreSQL triggers that keep acceptance records and published
agreement versions unchanged (0005). Left out, because they only matter for data a new database
does not have: the status e-mails of the rollout (0008; shop.receivers creates them after every
migrate) and the hash chain over the acceptance records that existed before 0010 (a new database
has none)."""

from urllib.parse import urlsplit

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelsearch.index
import shop.models.fields
import shop.models.onboarding
import shop.models.orders
import uuid
from django.conf import settings
from django.db import migrations, models


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
        ('shop', '0016_timeline_rolloutevent_by_staff'),
        ('shop', '0017_interest_dienstinterest'),
        ('shop', '0018_changes_contacts_withdrawal'),
        ('shop', '0019_pdf_mail_attachments'),
        ('shop', '0020_admins_members'),
        ('shop', '0021_responsibility_kinds'),
        ('shop', '0022_land_verwaltung_kinds'),
        ('shop', '0023_onboarding_checklists'),
        ('shop', '0024_api_clients_webhooks'),
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
        migrations.RunPython(
            code=set_site,
            reverse_code=migrations.RunPython.noop,
        ),
        migrations.RunPython(
            code=create_immutability_triggers,
            reverse_code=drop_immutability_triggers,
        ),
        migrations.AddField(
            model_name='rolloutevent',
            name='by_staff',
            field=models.BooleanField(default=True, help_text='Für die Verwaltung ohne Namen als „ITVSH/Dataport“ angezeigt.', verbose_name='vom Umsetzungsteam'),
        ),
        migrations.CreateModel(
            name='DienstInterest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('note', models.TextField(blank=True, max_length=1000, verbose_name='Anmerkung')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='bekundet am')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='geändert am')),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='benachrichtigt am')),
                ('dienst', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interests', to='shop.dienst', verbose_name='Dienst')),
                ('registered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bekundet von')),
                ('verwaltung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dienst_interests', to='shop.verwaltung', verbose_name='Verwaltung')),
            ],
            options={
                'verbose_name': 'Interesse an einem Dienst',
                'verbose_name_plural': 'Interessen an Diensten',
                'ordering': ['dienst__title', 'verwaltung__name'],
                'constraints': [models.UniqueConstraint(fields=('dienst', 'verwaltung'), name='dienstinterest_one_per_verwaltung')],
            },
        ),
        migrations.CreateModel(
            name='ContactChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('fachlich', 'Fachliche Ansprechperson'), ('technisch', 'Technische Ansprechperson'), ('funktionspostfach', 'Funktionspostfach'), ('datenschutz', 'Datenschutz'), ('digitalisierung', 'Digitalisierungsbeauftragte/r')], max_length=30, verbose_name='Rolle')),
                ('old_name', models.CharField(blank=True, max_length=200, verbose_name='Name vorher')),
                ('old_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail vorher')),
                ('old_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon vorher')),
                ('new_name', models.CharField(blank=True, max_length=200, verbose_name='Name nachher')),
                ('new_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail nachher')),
                ('new_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon nachher')),
                ('changed_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='geändert am')),
                ('changed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='geändert von')),
                ('details', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='contact_changes', to='shop.orderdetails', verbose_name='Bestelldetails')),
            ],
            options={
                'verbose_name': 'Änderung einer Ansprechperson',
                'verbose_name_plural': 'Änderungen der Ansprechpersonen',
                'ordering': ['-changed_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='WithdrawalRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.TextField(max_length=2000, verbose_name='Begründung')),
                ('requested_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='beantragt am')),
                ('status', models.CharField(choices=[('offen', 'offen'), ('bestaetigt', 'bestätigt'), ('abgelehnt', 'abgelehnt')], default='offen', max_length=20, verbose_name='Status')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='entschieden am')),
                ('decision_reason', models.TextField(blank=True, help_text='Geht an die Kommune.', verbose_name='Begründung der Ablehnung')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entschieden von')),
                ('ordered_service', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='withdrawal_requests', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
                ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='beantragt von')),
            ],
            options={
                'verbose_name': 'Antrag auf Stornierung',
                'verbose_name_plural': 'Anträge auf Stornierung',
                'ordering': ['-requested_at', '-pk'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'offen')), fields=('ordered_service',), name='withdrawal_one_open_request_per_service')],
            },
        ),
        migrations.CreateModel(
            name='OutgoingMailAttachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filename', models.CharField(max_length=200, verbose_name='Dateiname')),
                ('mimetype', models.CharField(max_length=100, verbose_name='Dateityp')),
                ('content', models.BinaryField(verbose_name='Inhalt')),
                ('mail', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='shop.outgoingmail', verbose_name='E-Mail')),
            ],
            options={
                'verbose_name': 'Anhang einer E-Mail',
                'verbose_name_plural': 'Anhänge von E-Mails',
                'ordering': ['pk'],
                'constraints': [models.UniqueConstraint(fields=('mail', 'filename'), name='outgoingmailattachment_one_per_name')],
            },
        ),
        migrations.AddField(
            model_name='membership',
            name='is_admin',
            field=models.BooleanField(default=False, help_text='Darf die Mitglieder der Verwaltung verwalten: Anträge entscheiden, Rollen ändern, Mitglieder entfernen.', verbose_name='Verwaltungsadmin'),
        ),
        migrations.AlterField(
            model_name='membership',
            name='status',
            field=models.CharField(choices=[('beantragt', 'beantragt'), ('bestaetigt', 'bestätigt'), ('abgelehnt', 'abgelehnt'), ('entfernt', 'entfernt')], default='beantragt', max_length=20, verbose_name='Status'),
        ),
        migrations.CreateModel(
            name='MembershipDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('bestaetigt', 'Antrag bestätigt'), ('abgelehnt', 'Antrag abgelehnt'), ('rolle_geaendert', 'Rolle geändert'), ('entfernt', 'Mitglied entfernt')], max_length=20, verbose_name='Entscheidung')),
                ('decided_as', models.CharField(max_length=20, verbose_name='entschieden als')),
                ('role_before', models.CharField(blank=True, max_length=20, verbose_name='Rolle vorher')),
                ('role_after', models.CharField(blank=True, max_length=20, verbose_name='Rolle nachher')),
                ('admin_before', models.BooleanField(default=False, verbose_name='Verwaltungsadmin vorher')),
                ('admin_after', models.BooleanField(default=False, verbose_name='Verwaltungsadmin nachher')),
                ('reason', models.TextField(blank=True, verbose_name='Begründung')),
                ('decided_at', models.DateTimeField(auto_now_add=True, verbose_name='entschieden am')),
                ('decided_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='entschieden von')),
                ('membership', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='shop.membership', verbose_name='Mitgliedschaft')),
            ],
            options={
                'verbose_name': 'Entscheidung über eine Mitgliedschaft',
                'verbose_name_plural': 'Entscheidungen über Mitgliedschaften',
                'ordering': ['-decided_at', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='dienst',
            name='responsible_kinds',
            field=shop.models.fields.ResponsibleKindsField(help_text='Die Arten von Verwaltungen, die den Dienst bestellen dürfen; leer: alle.', verbose_name='zuständig'),
        ),
        migrations.AlterField(
            model_name='gemeinde',
            name='kind',
            field=models.CharField(choices=[('kreisfreie_stadt', 'Kreisfreie Stadt'), ('stadt', 'Stadt'), ('gemeinde', 'Gemeinde'), ('markt', 'Markt'), ('stadtkreis', 'Stadtkreis'), ('grosse_kreisstadt', 'Große Kreisstadt'), ('gemeindefreies_gebiet', 'Bewohntes gemeindefreies Gebiet')], max_length=30, verbose_name='Art'),
        ),
        migrations.AlterField(
            model_name='verwaltung',
            name='kind',
            field=models.CharField(choices=[('kreisfreie_stadt', 'Kreisfreie Stadt'), ('kreis', 'Kreis'), ('amt', 'Amt'), ('kirchspielslandgemeinde', 'Kirchspielslandgemeinde'), ('amtsfreie_gemeinde', 'Amtsfreie Gemeinde/Stadt'), ('stadtkreis', 'Stadtkreis'), ('landkreis', 'Landkreis'), ('regionalverband', 'Regionalverband'), ('samtgemeinde', 'Samtgemeinde'), ('verbandsgemeinde', 'Verbandsgemeinde'), ('verwaltungsgemeinschaft', 'Verwaltungsgemeinschaft'), ('verwaltungsverband', 'Verwaltungsverband'), ('erfuellende_gemeinde', 'Erfüllende Gemeinde'), ('verbandsfreie_gemeinde', 'Verbandsfreie Gemeinde/Stadt')], db_index=True, max_length=30, verbose_name='Art'),
        ),
        migrations.AlterField(
            model_name='verwaltung',
            name='regional_key',
            field=models.CharField(help_text='Kreisebene: 5 Stellen (Land, Regierungsbezirk, Kreis); Gemeindeverband (Amt, Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft, …) und verbandsfreie Gemeinde: 9 Stellen (dazu der Gemeindeverband).', max_length=12, unique=True, validators=[django.core.validators.RegexValidator('^([0-9]{5}|[0-9]{9})$', 'Der Regionalschlüssel besteht aus 5 oder 9 Ziffern.')], verbose_name='Regionalschlüssel'),
        ),
        migrations.CreateModel(
            name='OnboardingCompletion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('completed_at', models.DateTimeField(auto_now_add=True, verbose_name='vollständig seit')),
                ('ordered_service', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='onboarding_completion', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
            ],
            options={
                'verbose_name': 'Vollständige Angaben',
                'verbose_name_plural': 'Vollständige Angaben',
            },
        ),
        migrations.CreateModel(
            name='OnboardingAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('field_key', models.CharField(max_length=64, verbose_name='Feld')),
                ('label', models.CharField(max_length=255, verbose_name='Bezeichnung beim Speichern')),
                ('value', models.TextField(blank=True, verbose_name='Wert')),
                ('file', models.FileField(blank=True, storage=shop.models.onboarding.private_storage, upload_to=shop.models.onboarding.onboarding_upload_to, verbose_name='Datei')),
                ('file_name', models.CharField(blank=True, max_length=255, verbose_name='Dateiname')),
                ('content_type', models.CharField(blank=True, max_length=100, verbose_name='Dateityp')),
                ('is_current', models.BooleanField(default=True, verbose_name='aktuell')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='angegeben am')),
                ('answered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='angegeben von')),
                ('gemeinde', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='shop.gemeinde', verbose_name='Gemeinde')),
                ('ordered_service', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='onboarding_answers', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
            ],
            options={
                'verbose_name': 'Angabe zur Einrichtung',
                'verbose_name_plural': 'Angaben zur Einrichtung',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['ordered_service', 'is_current'], name='onboardinganswer_current')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('gemeinde__isnull', False), ('is_current', True)), fields=('ordered_service', 'field_key', 'gemeinde'), name='onboardinganswer_one_current_per_gemeinde'), models.UniqueConstraint(condition=models.Q(('gemeinde__isnull', True), ('is_current', True)), fields=('ordered_service', 'field_key'), name='onboardinganswer_one_current_per_verwaltung')],
            },
        ),
        migrations.CreateModel(
            name='OnboardingChecklist',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='Fassung')),
                ('fields', models.JSONField(blank=True, default=list, verbose_name='Angaben')),
                ('steps', models.JSONField(blank=True, default=list, verbose_name='Schritte der Einrichtung')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
                ('dienst', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='onboarding_checklists', to='shop.dienst', verbose_name='Dienst')),
            ],
            options={
                'verbose_name': 'Checkliste zur Einrichtung',
                'verbose_name_plural': 'Checklisten zur Einrichtung',
                'ordering': ['dienst', '-version'],
                'constraints': [models.UniqueConstraint(fields=('dienst', 'version'), name='onboardingchecklist_one_per_version')],
            },
        ),
        migrations.CreateModel(
            name='OnboardingReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period', models.PositiveIntegerField(verbose_name='Zeitraum')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='erinnert am')),
                ('ordered_service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='onboarding_reminders', to='shop.orderedservice', verbose_name='Bestellter Dienst')),
            ],
            options={
                'verbose_name': 'Erinnerung an fehlende Angaben',
                'verbose_name_plural': 'Erinnerungen an fehlende Angaben',
                'constraints': [models.UniqueConstraint(fields=('ordered_service', 'period'), name='onboardingreminder_one_per_period')],
            },
        ),
        migrations.CreateModel(
            name='ApiClient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='Name')),
                ('token_prefix', models.CharField(max_length=12, verbose_name='Anfang des Schlüssels')),
                ('token_sha256', models.CharField(max_length=64, unique=True, verbose_name='SHA-256 des Schlüssels')),
                ('scopes', models.JSONField(default=list, verbose_name='Berechtigungen')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='angelegt am')),
                ('last_used_at', models.DateTimeField(blank=True, null=True, verbose_name='zuletzt benutzt')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='widerrufen am')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='angelegt von')),
                ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='widerrufen von')),
            ],
            options={
                'verbose_name': 'API-Zugang',
                'verbose_name_plural': 'API-Zugänge',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('manage_integrations', 'Kann API-Zugänge und Webhooks verwalten')],
            },
        ),
        migrations.AddField(
            model_name='rolloutevent',
            name='changed_by_client',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='shop.apiclient', verbose_name='geändert über API-Zugang'),
        ),
        migrations.CreateModel(
            name='WebhookSubscription',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='Name')),
                ('url', models.URLField(max_length=500, verbose_name='Adresse')),
                ('secret', models.CharField(max_length=100, verbose_name='Geheimnis')),
                ('events', models.JSONField(default=list, verbose_name='Ereignisse')),
                ('is_active', models.BooleanField(default=True, verbose_name='aktiv')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='angelegt am')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='angelegt von')),
            ],
            options={
                'verbose_name': 'Webhook',
                'verbose_name_plural': 'Webhooks',
                'ordering': ['name', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('delivery_id', models.UUIDField(default=uuid.uuid4, unique=True, verbose_name='Zustellungs-ID')),
                ('event', models.CharField(choices=[('bestellung.eingegangen', 'Bestellung eingegangen'), ('status.geaendert', 'Status eines Dienstes geändert'), ('rueckfrage.neu', 'Neue Rückfrage'), ('onboarding.vollstaendig', 'Onboarding-Daten vollständig')], max_length=40, verbose_name='Ereignis')),
                ('payload', models.JSONField(verbose_name='Inhalt')),
                ('status', models.CharField(choices=[('pending', 'wartet'), ('delivered', 'zugestellt'), ('failed', 'endgültig fehlgeschlagen')], default='pending', max_length=10, verbose_name='Status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='Versuche')),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='nächster Versuch')),
                ('locked_until', models.DateTimeField(blank=True, null=True, verbose_name='in Arbeit bis')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='erstellt am')),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='letzter Versuch')),
                ('response_status', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='HTTP-Status')),
                ('response_excerpt', models.TextField(blank=True, verbose_name='Antwort (Anfang)')),
                ('duration_ms', models.PositiveIntegerField(blank=True, null=True, verbose_name='Dauer (ms)')),
                ('last_error', models.TextField(blank=True, verbose_name='letzter Fehler')),
                ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='shop.webhooksubscription', verbose_name='Webhook')),
            ],
            options={
                'verbose_name': 'Webhook-Zustellung',
                'verbose_name_plural': 'Webhook-Zustellungen',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='webhookdelivery_due_idx')],
            },
        ),
    ]
