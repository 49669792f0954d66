from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordMixin

from shop.forms import KernFormMixin
from shop.models import Membership, Verwaltung


class VerwaltungChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, verwaltung: Verwaltung) -> str:
        details = [verwaltung.get_kind_display()]
        if verwaltung.kreis_id and not verwaltung.is_kreis_level:
            details.append(f"Kreis {verwaltung.kreis.name}")
        details.append(verwaltung.regional_key)
        return f"{verwaltung.name} ({', '.join(details)})"


class MembershipFields(KernFormMixin, forms.Form):
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


class MembershipDecisionForm(KernFormMixin, forms.Form):
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
