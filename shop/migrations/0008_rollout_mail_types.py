"""The status e-mails of the rollout as Oscar CommunicationEventTypes, so that staff can edit
their German texts in the dashboard (Kommunikation). Created once; edits are kept."""

from django.db import migrations

FOOTER = """

Den Stand sehen alle bestätigten Mitglieder Ihrer Verwaltung unter „Meine Dienste“:
{{ status_url }}

Mit freundlichen Grüßen
Ihr Umsetzungsteam des OZG-Dienste-Shops Schleswig-Holstein
"""
INTRO = """Guten Tag,

zu Ihrer Bestellung {{ order.number }} für {{ verwaltung.name }}:
„{{ dienst.title }}“{% if gemeinden %} für {{ gemeinden|join:", " }}{% endif %}
"""

MAIL_TYPES = (
    (
        "ROLLOUT_IN_REVIEW",
        "Umsetzung: In Prüfung",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ wird geprüft",
        INTRO + "\nwird jetzt geprüft. Bei Fragen melden wir uns bei Ihren Ansprechpersonen.",
    ),
    (
        "ROLLOUT_IN_PROGRESS",
        "Umsetzung: In Umsetzung",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ wird eingerichtet",
        INTRO + "\nwird jetzt für Ihre Verwaltung eingerichtet.",
    ),
    (
        "ROLLOUT_IN_TEST",
        "Umsetzung: Im Test",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ ist im Test",
        INTRO + "\nist eingerichtet und wird getestet. Bitte prüfen Sie ihn mit Ihrem Fachteam.",
    ),
    (
        "ROLLOUT_LIVE",
        "Umsetzung: Live",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ ist live",
        INTRO + "\nist live. Die dauerhafte Adresse für Ihre Verwaltung lautet:\n"
        "{{ event.service_url }}\n\nBitte verlinken Sie sie auf Ihrer Website.",
    ),
    (
        "ROLLOUT_REJECTED",
        "Umsetzung: Abgelehnt",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ abgelehnt",
        INTRO + "\nkann leider nicht umgesetzt werden.\n\nBegründung: {{ event.reason }}",
    ),
    (
        "ROLLOUT_CANCELLED",
        "Umsetzung: Storniert",
        "Bestellung {{ order.number }}: „{{ dienst.title }}“ storniert",
        INTRO + "\nist storniert.\n\nBegründung: {{ event.reason }}",
    ),
)


def create_mail_types(apps, schema_editor):
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    for code, name, subject, body in MAIL_TYPES:
        CommunicationEventType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "category": "Order related",
                "email_subject_template": subject,
                "email_body_template": body + FOOTER,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0007_rollout_messages_news"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [migrations.RunPython(create_mail_types, migrations.RunPython.noop)]
