"""Migrations 0001 to 0007 of the pages, squashed: every page type, the legal links, the
service page's contacts, OZG-Leistungen and agreements, and the second person's approval task."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import cms_pages.models


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
    ]

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('shop', '0002_squashed_0015_catalogue_agreements_orders'),
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
