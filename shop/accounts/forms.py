from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordMixin
from django.contrib.auth.tokens import default_token_generator
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from shop.models import Membership, User, Verwaltung

from . import services
from .links import user_token_link

# Django's German message addresses the person informally.
INVALID_EMAIL = {"invalid": "Bitte geben Sie eine gültige E-Mail-Adresse ein."}


class VerwaltungChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, verwaltung: Verwaltung) -> str:
        details = [verwaltung.get_kind_display()]
        if verwaltung.kreis_id and not verwaltung.is_kreis_level:
            kreis = verwaltung.kreis
            details.append(f"{kreis.get_kind_display()} {kreis.name}")
        details.append(verwaltung.regional_key)
        return f"{verwaltung.name} ({', '.join(details)})"


class MembershipFields(forms.Form):
    verwaltung = VerwaltungChoiceField(
        label="Verwaltung, für die Sie arbeiten",
        queryset=Verwaltung.objects.active().select_related("kreis"),
        empty_label="Bitte wählen",
        error_messages={
            "required": "Bitte wählen Sie Ihre Verwaltung.",
            "invalid_choice": "Diese Verwaltung gibt es nicht (mehr). Bitte wählen Sie neu.",
        },
    )
    role = forms.ChoiceField(
        label="Gewünschte Rolle",
        choices=Membership.Role.choices,
        initial=Membership.Role.ORDERING,
        widget=forms.RadioSelect,
        help_text=(
            "„bestellberechtigt“ darf Dienste bestellen, „lesend“ sieht nur Bestellungen "
            "und Dienste."
        ),
    )

    def __init__(self, *args, verwaltungen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if verwaltungen is not None:
            # Narrowed by the search box; a submitted choice must still be any active one.
            self.fields["verwaltung"].widget.choices = [("", "Bitte wählen")] + [
                (v.pk, self.fields["verwaltung"].label_from_instance(v)) for v in verwaltungen
            ]


class RegistrationForm(SetPasswordMixin, MembershipFields):
    first_name = forms.CharField(label="Vorname", max_length=150)
    last_name = forms.CharField(label="Nachname", max_length=150)
    email = forms.EmailField(
        label="Dienstliche E-Mail-Adresse",
        help_text="An diese Adresse schicken wir einen Bestätigungslink.",
        error_messages=INVALID_EMAIL,
    )
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1="Passwort", label2="Passwort wiederholen"
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "verwaltung",
        "role",
    ]

    def clean(self):
        cleaned_data = super().clean()
        self.validate_passwords()
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        password = self.cleaned_data.get("password2")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password2", error)


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Entscheidung",
        choices=[("approve", "bestätigen"), ("reject", "ablehnen")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Begründung (bei Ablehnung Pflicht)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == "reject" and not cleaned_data.get("reason", "").strip():
            self.add_error(
                "reason", "Bitte begründen Sie die Ablehnung; die Person erhält die Begründung."
            )
        return cleaned_data


class ConfirmationResendForm(forms.Form):
    email = forms.EmailField(
        label="E-Mail-Adresse, mit der Sie sich registriert haben", error_messages=INVALID_EMAIL
    )


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label="Neue E-Mail-Adresse",
        error_messages=INVALID_EMAIL,
        help_text="An diese Adresse schicken wir einen Link; erst damit ändert sich die Adresse.",
    )
    password = forms.CharField(
        label="Ihr aktuelles Passwort",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self) -> str:
        new_email = User.objects.normalize_email(self.cleaned_data["new_email"])
        if new_email.lower() == self.user.email.lower():
            raise forms.ValidationError("Das ist bereits Ihre E-Mail-Adresse.")
        return new_email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Das Passwort stimmt nicht.")
        return password


class PasswordResetMailMixin:
    """Sends the link of a password reset form as the shop's account mail: in German and
    counted per address (services.account_mail_send)."""

    confirm_view_name: str

    def save(self, *, request, token_generator=default_token_generator, **_django_mail_options):
        services.password_reset_send(
            email=self.cleaned_data["email"],
            reset_url_for=lambda user, token: user_token_link(
                request, self.confirm_view_name, user=user, token=token
            ),
            token_generator=token_generator,
        )


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's sign-in (/cms/login/), setting WAGTAILADMIN_USER_LOGIN_FORM: Wagtail leaves the
    password field without a label, which Django then derives in English from its name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Passwort"


class AdminPasswordResetForm(PasswordResetMailMixin, WagtailPasswordResetForm):
    """Wagtail's password reset (/cms/password_reset/), setting
    WAGTAILADMIN_USER_PASSWORD_RESET_FORM."""

    confirm_view_name = "wagtailadmin_password_reset_confirm"
