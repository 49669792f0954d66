"""Oscar's customer forms where the shop's rules differ."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from oscar.apps.customer import forms

from shop.accounts.forms import PasswordResetMailMixin
from shop.accounts.selectors import unconfirmed_sign_in


class PasswordResetForm(PasswordResetMailMixin, forms.PasswordResetForm):
    confirm_view_name = "password-reset-confirm"


class ProfileForm(forms.UserForm):
    """Name only: the sign-in address changes after the new one is confirmed
    (shop_accounts:email_change). The name stays required, as at the registration: the
    acceptance records of the person's orders name the person with it."""

    class Meta(forms.UserForm.Meta):
        fields = ["first_name", "last_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, what in (("first_name", "Vornamen"), ("last_name", "Nachnamen")):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = f"Bitte geben Sie Ihren {what} an."


class EmailAuthenticationForm(forms.EmailAuthenticationForm):
    """Tells a person who has not yet confirmed the e-mail address so, with the way to a new
    link, instead of the message for a wrong password."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if unconfirmed_sign_in(
                email=self.cleaned_data.get("username", ""),
                password=self.cleaned_data.get("password", ""),
            ):
                raise ValidationError(
                    format_html(
                        "Sie haben Ihre E-Mail-Adresse noch nicht bestätigt. Bitte öffnen Sie den "
                        "Link in der E-Mail, die wir Ihnen nach der Registrierung geschickt haben. "
                        '<a class="kern-link" href="{}">Bestätigungslink erneut senden</a>',
                        reverse("shop_accounts:confirmation_resend"),
                    ),
                    code="unconfirmed",
                ) from None
            raise
