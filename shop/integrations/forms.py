"""The dashboard's forms for API clients and webhooks; the services check everything again."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from shop.models import ApiScope, WebhookEvent, WebhookSubscription

from .addresses import webhook_url_check


class ApiClientForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=100, help_text="Welches System, z. B. „Ticketsystem Dataport“."
    )
    scopes = forms.MultipleChoiceField(
        label="Berechtigungen",
        choices=ApiScope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte wählen Sie mindestens eine Berechtigung."},
    )


class WebhookForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    url = forms.CharField(
        label="Adresse",
        max_length=500,
        help_text="https-Adresse des empfangenden Systems; interne Adressen sind nicht erlaubt.",
    )
    events = forms.MultipleChoiceField(
        label="Ereignisse",
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte wählen Sie mindestens ein Ereignis."},
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        URLValidator(message="Bitte geben Sie eine gültige Adresse an.")(url)
        webhook_url_check(url=url)
        return url


class WebhookEditForm(WebhookForm):
    is_active = forms.BooleanField(
        label="aktiv", required=False, help_text="Inaktive Webhooks erhalten nichts."
    )

    @classmethod
    def for_subscription(cls, subscription: WebhookSubscription, data=None) -> "WebhookEditForm":
        return cls(
            data,
            initial={
                "name": subscription.name,
                "url": subscription.url,
                "events": subscription.events,
                "is_active": subscription.is_active,
            },
        )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)
