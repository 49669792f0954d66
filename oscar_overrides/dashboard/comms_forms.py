"""Oscar's form of the dashboard's e-mail page, for the shop's status e-mails.

The shop sends them as plain text (shop.orders.rollout), so the HTML template Oscar requires is
left out: with it, staff could not save a changed text without writing HTML nobody receives.
The preview fills in what a real status e-mail of the order gets, not only Oscar's `order`, and
renders the text as the shop sends it, without HTML escaping.
"""

from django import forms as django_forms
from django.template import Template, TemplateSyntaxError
from oscar.apps.dashboard.communications import forms

from shop.orders.rollout import rollout_mail_preview_context

PLAIN_TEXT_FIELDS = ("email_subject_template", "email_body_template")


class CommunicationEventTypeForm(forms.CommunicationEventTypeForm):
    email_body_html_template = None

    class Meta(forms.CommunicationEventTypeForm.Meta):
        fields = [
            name
            for name in forms.CommunicationEventTypeForm.Meta.fields
            if name != "email_body_html_template"
        ]

    def validate_template(self, value: str) -> None:
        try:
            Template(value)
        except TemplateSyntaxError as error:
            raise django_forms.ValidationError(
                f"Die Vorlage lässt sich nicht lesen ({error}). Variablen stehen in doppelten "
                "geschweiften Klammern, z. B. {{ dienst.title }}."
            ) from error

    def save(self, commit: bool = True):
        event_type = super().save(commit=commit)
        if not commit:
            # Unsaved, the instance only serves Oscar's previews (UpdateView.show_preview and
            # send_preview), whose get_messages renders with Django's HTML escaping: a Dienst
            # "Müll & Abfall" would reach the preview's recipient as "Müll &amp; Abfall", unlike
            # the plain-text e-mail the shop sends (rollout_mails_send).
            for field in PLAIN_TEXT_FIELDS:
                template = getattr(event_type, field)
                setattr(event_type, field, f"{{% autoescape off %}}{template}{{% endautoescape %}}")
        return event_type

    def get_preview_context(self) -> dict:
        if not hasattr(self, "preview_order"):
            return {}
        return rollout_mail_preview_context(order=self.preview_order)
