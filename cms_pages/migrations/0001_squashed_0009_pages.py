"""Migrations 0001 to 0009 of the pages, squashed: every page type, the legal links, the
service page's contacts, OZG-Leistungen and agreements, the second person's approval task, the
kinds of responsibility and the onboarding checklist. It replaces the original migrations 0001
to 0007 (which an earlier squash, 0001_squashed_0007_pages, also replaced and recorded), 0008 and
0009, so a database that has either counts as migrated."""
import cms_pages.models
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import shop.models.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('cms_pages', '0001_initial'),
        ('cms_pages', '0002_service_page'),
        ('cms_pages', '0003_service_page_agreements'),
        ('cms_pages', '0004_newsindexpage_newspage'),
        ('cms_pages', '0005_identity_help_page'),
        ('cms_pages', '0006_editors_second_person_approval'),
        ('cms_pages', '0007_editors_labels'),
        ('cms_pages', '0008_responsibility_kinds'),
        ('cms_pages', '0009_onboarding_checklist'),
    ]

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('shop', '0002_squashed_0024_catalogue_agreements_orders_rollout'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis zwei Sätze, die sagen, was der Shop ist und für wen.', verbose_name='Einleitung')),
                ('body', wagtail.fields.RichTextField(blank=True, verbose_name='Inhalt')),
            ],
            options={
                'verbose_name': 'Startseite',
                'verbose_name_plural': 'Startseiten',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ServiceIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='Einleitung')),
            ],
            options={
                'verbose_name': 'Dienstekatalog',
                'verbose_name_plural': 'Dienstekataloge',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ServicePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('short_description', models.TextField(help_text='Ein bis zwei Sätze: was der Dienst leistet und für wen.', max_length=300, verbose_name='Kurzbeschreibung')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('feature_list', 2), ('image', 6), ('faq', 7), ('document', 10), ('callout', 13)], blank=True, block_lookup={0: ('cms_pages.blocks.HeadingBlock', (), {}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text', 'template': 'cms_pages/blocks/paragraph.html'}), 2: ('cms_pages.blocks.FeatureListBlock', (), {}), 3: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Bild'}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen können.', 'label': 'Alternativtext', 'max_length': 250, 'required': True}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 3), ('alt_text', 4), ('caption', 5)]], {}), 7: ('cms_pages.blocks.FaqBlock', (), {}), 8: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument'}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen für den Titel des Dokuments.', 'label': 'Linktext', 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('document', 8), ('title', 9)]], {}), 11: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Wichtig'), ('success', 'Gut zu wissen')], 'label': 'Art'}), 12: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text'}), 13: ('wagtail.blocks.StructBlock', [[('kind', 11), ('text', 12)]], {})}, verbose_name='Beschreibung')),
                ('service_type', models.CharField(choices=[('basisdienst', 'Basisdienst'), ('online_dienst_efa', 'Online-Dienst (EfA)'), ('landesdienst', 'Landesdienst')], db_index=True, max_length=30, verbose_name='Art des Dienstes')),
                ('provider', models.CharField(max_length=200, verbose_name='Anbieter')),
                ('operating_model', models.CharField(blank=True, max_length=300, verbose_name='Betriebsmodell')),
                ('reifegrad', models.PositiveSmallIntegerField(choices=[(0, '0 – nicht online'), (1, '1 – Information online'), (2, '2 – Formular online'), (3, '3 – Online-Leistung'), (4, '4 – Online-Leistung plus')], db_index=True, default=3, validators=[django.core.validators.MaxValueValidator(4)], verbose_name='OZG-Reifegrad')),
                ('availability', models.CharField(choices=[('verfuegbar', 'verfügbar'), ('in_vorbereitung', 'in Vorbereitung')], db_index=True, default='verfuegbar', max_length=20, verbose_name='Verfügbarkeit')),
                ('requires_servicekonto', models.BooleanField(default=False, verbose_name='Servicekonto nötig')),
                ('requires_postfach', models.BooleanField(default=False, verbose_name='Postfach nötig')),
                ('requires_epayment', models.BooleanField(default=False, verbose_name='E-Payment nötig')),
                ('transport_route', models.CharField(choices=[('osci_xta', 'OSCI/XTA'), ('fit_connect', 'FIT-Connect'), ('keine', 'keiner nötig')], default='keine', max_length=20, verbose_name='Transportweg')),
                ('requires_dvdv_entry', models.BooleanField(default=False, verbose_name='DVDV-Eintrag nötig')),
                ('vertrauensniveau', models.CharField(choices=[('keins', 'keine Identifizierung'), ('niedrig', 'niedrig'), ('substantiell', 'substanziell'), ('hoch', 'hoch')], default='keins', max_length=20, verbose_name='Vertrauensniveau')),
                ('fachverfahren_interface', models.CharField(blank=True, max_length=300, verbose_name='Schnittstelle zum Fachverfahren')),
                ('cost', models.CharField(default='kostenfrei für Kommunen', max_length=200, verbose_name='Kosten')),
                ('featured', models.BooleanField(db_index=True, default=False, verbose_name='Auf der Startseite hervorheben')),
                ('responsible_kinds', shop.models.fields.ResponsibleKindsField(help_text='Welche Arten von Verwaltungen den Dienst bestellen dürfen (z. B. i-Kfz nur Kreise und kreisfreie Städte). Nichts angekreuzt: alle Verwaltungen.', verbose_name='Zuständig')),
                ('onboarding_fields', wagtail.fields.StreamField([('text', 4), ('email', 5), ('url', 6), ('choice', 9), ('yesno', 10), ('date', 11), ('file', 14)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Bezeichnung', 'max_length': 255}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'Wo die Kommune die Angabe findet.', 'label': 'Hilfetext', 'required': False}), 2: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'help_text': 'Ohne sie kann der Dienst nicht auf „In Umsetzung“ gesetzt werden.', 'label': 'Pflichtangabe', 'required': False}), 3: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Für jede Gemeinde der Bestellung einzeln anzugeben.', 'label': 'Je Gemeinde', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3)]], {'label': 'Text'}), 5: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3)]], {'icon': 'mail', 'label': 'E-Mail-Adresse'}), 6: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3)]], {'icon': 'link', 'label': 'Internetadresse'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Möglichkeit'}), 8: ('wagtail.blocks.ListBlock', (7,), {'label': 'Möglichkeiten'}), 9: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3), ('choices', 8)]], {'icon': 'list-ul', 'label': 'Auswahl'}), 10: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3)]], {'icon': 'tick', 'label': 'Ja/Nein'}), 11: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3)]], {'icon': 'date', 'label': 'Datum'}), 12: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': [('pdf', 'PDF'), ('png', 'PNG'), ('jpg', 'JPEG'), ('docx', 'Word (DOCX)'), ('xlsx', 'Excel (XLSX)'), ('odt', 'OpenDocument-Text'), ('ods', 'OpenDocument-Tabelle'), ('csv', 'CSV'), ('txt', 'Text'), ('xml', 'XML'), ('zip', 'ZIP')], 'label': 'Erlaubte Dateitypen'}), 13: ('wagtail.blocks.IntegerBlock', (), {'default': 10, 'label': 'Höchstgröße in MB', 'max_value': 50, 'min_value': 1}), 14: ('wagtail.blocks.StructBlock', [[('label', 0), ('help_text', 1), ('required', 2), ('per_gemeinde', 3), ('extensions', 12), ('max_size_mb', 13)]], {'icon': 'doc-full', 'label': 'Datei-Upload'})}, help_text='Was die Kommune nach der Bestellung unter „Meine Dienste“ angibt, bevor der Dienst eingerichtet wird (z. B. Eintrag im Zuständigkeitsfinder, DVDV-/OSCI-Adresse, Fachverfahren, Testzugang).', verbose_name='Benötigte Angaben der Kommune')),
                ('onboarding_steps', wagtail.fields.StreamField([('step', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Schritt', 'max_length': 255}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Beschreibung', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('title', 0), ('text', 1)]], {})}, help_text='Die Schritte, die das Umsetzungsteam bei der Einrichtung durchgeht.', verbose_name='Schritte der Einrichtung')),
            ],
            options={
                'verbose_name': 'Dienst-Steckbrief',
                'verbose_name_plural': 'Dienst-Steckbriefe',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ServicePageContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('role', models.CharField(max_length=100, verbose_name='Rolle')),
                ('name', models.CharField(max_length=200, verbose_name='Name oder Team')),
                ('email', models.EmailField(max_length=254, verbose_name='E-Mail')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='Telefon')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='contacts', to='cms_pages.servicepage')),
            ],
            options={
                'verbose_name': 'Ansprechperson',
                'verbose_name_plural': 'Ansprechpersonen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ServicePageAgreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='shop.agreement', verbose_name='Vereinbarung')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='agreement_links', to='cms_pages.servicepage')),
            ],
            options={
                'verbose_name': 'erforderliche Vereinbarung',
                'verbose_name_plural': 'erforderliche Vereinbarungen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ServicePageOzgLeistung',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('ozg_leistung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='shop.ozgleistung', verbose_name='OZG-Leistung')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='ozg_links', to='cms_pages.servicepage')),
            ],
            options={
                'verbose_name': 'OZG-Leistung',
                'verbose_name_plural': 'OZG-Leistungen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='NewsIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='Einleitung')),
            ],
            options={
                'verbose_name': 'Neuigkeiten-Übersicht',
                'verbose_name_plural': 'Neuigkeiten-Übersichten',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='NewsPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name='Datum')),
                ('intro', models.TextField(help_text='Ein bis zwei Sätze für die Übersicht.', max_length=500, verbose_name='Einleitung')),
                ('body', wagtail.fields.RichTextField(blank=True, verbose_name='Inhalt')),
            ],
            options={
                'verbose_name': 'Neuigkeit',
                'verbose_name_plural': 'Neuigkeiten',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='HelpPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='Einleitung')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('faq', 2), ('callout', 5)], blank=True, block_lookup={0: ('cms_pages.blocks.HeadingBlock', (), {}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text', 'template': 'cms_pages/blocks/paragraph.html'}), 2: ('cms_pages.blocks.FaqBlock', (), {}), 3: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Wichtig'), ('success', 'Gut zu wissen')], 'label': 'Art'}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text'}), 5: ('wagtail.blocks.StructBlock', [[('kind', 3), ('text', 4)]], {})}, verbose_name='Inhalt')),
            ],
            options={
                'verbose_name': 'Hilfeseite',
                'verbose_name_plural': 'Hilfeseiten',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='LegalPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='Einleitung')),
                ('body', wagtail.fields.RichTextField(verbose_name='Inhalt')),
                ('last_reviewed', models.DateField(blank=True, help_text='Datum der letzten inhaltlichen Prüfung.', null=True, verbose_name='Stand')),
            ],
            options={
                'verbose_name': 'Rechtliche Seite',
                'verbose_name_plural': 'Rechtliche Seiten',
            },
            bases=(cms_pages.models.PublicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='LegalLinks',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('accessibility', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cms_pages.legalpage', verbose_name='Erklärung zur Barrierefreiheit')),
                ('impressum', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cms_pages.legalpage', verbose_name='Impressum')),
                ('privacy', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cms_pages.legalpage', verbose_name='Datenschutzerklärung')),
            ],
            options={
                'verbose_name': 'Rechtliche Links',
            },
        ),
        migrations.CreateModel(
            name='SecondPersonApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'Freigabe durch eine zweite Person',
                'verbose_name_plural': 'Freigaben durch eine zweite Person',
            },
            bases=('wagtailcore.task',),
        ),
    ]
