"""Forms of the shop's order pages that the checkout shares: the contacts by role, which the
checkout's contacts step asks for and which members correct after ordering (shop.orders.changes).
The rules live in shop.orders.services (`contacts_validate`)."""

from django import forms
from django.core.exceptions import ValidationError

from shop.models import ContactRole, RolloutStatus
from shop.orders.services import (
    CONTACT_PARTS,
    EMAIL_INVALID,
    PHONE_VALIDATOR,
    REQUIRED_CONTACT_ROLES,
    ContactData,
    contact_field,
    contact_missing,
    contacts_validate,
)

CONTACT_HINTS = {
    ContactRole.SUBJECT: "Die Person, die den Dienst fachlich verantwortet.",
    ContactRole.TECHNICAL: "Die Person, die die Einrichtung technisch begleitet.",
    ContactRole.MAILBOX: "Ein Postfach der Verwaltung, das nicht an einer Person hängt; "
    "es erhält alle Nachrichten zur Bestellung.",
    ContactRole.DATA_PROTECTION: "Die oder der behördliche Datenschutzbeauftragte.",
    ContactRole.DIGITALISATION: "Falls Ihre Verwaltung eine Digitalisierungsbeauftragte oder "
    "einen Digitalisierungsbeauftragten hat.",
}


def _contact_fields() -> dict[str, forms.Field]:
    """Name, e-mail and telephone per role, named as the shop validates them (`contact_field`);
    a Funktionspostfach has a label instead of a name. Required as for the roles every order
    needs."""
    fields: dict[str, forms.Field] = {}
    for role in ContactRole:
        required = role in REQUIRED_CONTACT_ROLES
        is_mailbox = role == ContactRole.MAILBOX
        fields[contact_field(role.value, "name")] = forms.CharField(
            label="Bezeichnung" if is_mailbox else "Name",
            max_length=200,
            required=required and not is_mailbox,
            help_text="Zum Beispiel „Bürgerservice“." if is_mailbox else "",
            error_messages={"required": contact_missing(role=role, part="name")},
        )
        fields[contact_field(role.value, "email")] = forms.EmailField(
            label="Adresse des Funktionspostfachs" if is_mailbox else "E-Mail-Adresse",
            required=required,
            error_messages={
                "required": contact_missing(role=role, part="email"),
                "invalid": EMAIL_INVALID,
            },
        )
        fields[contact_field(role.value, "phone")] = forms.CharField(
            label="Telefon", max_length=40, required=False, validators=[PHONE_VALIDATOR]
        )
    return fields


class ContactsForm(type("ContactFields", (forms.Form,), _contact_fields())):
    def __init__(self, *args, data_protection_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_protection_required = data_protection_required
        self.required_roles = list(REQUIRED_CONTACT_ROLES)
        if data_protection_required:
            self.required_roles.append(ContactRole.DATA_PROTECTION)
            for part in ("name", "email"):
                self.fields[contact_field(ContactRole.DATA_PROTECTION.value, part)].required = True

    @property
    def roles(self) -> list[dict]:
        """Per role its label, hint, whether it is required and its bound fields."""
        return [
            {
                "role": role.value,
                "label": role.label,
                "hint": CONTACT_HINTS[role],
                "required": role in self.required_roles,
                "fields": [self[contact_field(role.value, part)] for part in CONTACT_PARTS],
            }
            for role in ContactRole
        ]

    def clean(self):
        """The shop's rules for contacts, each error on its field; a field that already has an
        error (a required one left empty, an invalid address) gets no second one."""
        cleaned = super().clean()
        try:
            contacts_validate(
                contacts=[
                    ContactData(role=role, **values) for role, values in self.contacts().items()
                ],
                data_protection_required=self.data_protection_required,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self.errors:
                    self.add_error(None if field not in self.fields else field, messages)
        return cleaned

    def contacts(self) -> dict[str, dict[str, str]]:
        """What was entered, by role, without roles left empty (JSON for the session)."""
        result = {}
        for role in ContactRole:
            values = {
                part: (self.cleaned_data.get(contact_field(role.value, part)) or "").strip()
                for part in CONTACT_PARTS
            }
            if any(values.values()):
                result[role.value] = values
        return result

    @staticmethod
    def initial_from(contacts: dict[str, dict[str, str]]) -> dict[str, str]:
        return {
            f"{role}_{name}": value
            for role, values in contacts.items()
            for name, value in values.items()
        }


class LineStatusForm(forms.Form):
    """A status change of order lines in the dashboard (shop.orders.rollout)."""

    new_status = forms.ChoiceField(
        label="Neuer Status",
        choices=[("", "– bitte wählen –"), *list(RolloutStatus.choices)],
        error_messages={
            "required": "Bitte wählen Sie den neuen Status.",
            "invalid_choice": "Diesen Status gibt es nicht.",
        },
    )
    reason = forms.CharField(
        label="Begründung (bei Abgelehnt oder Storniert, geht an die Kommune)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    service_url = forms.CharField(
        label="Adresse des Dienstes (bei Live, https)", required=False, max_length=500
    )
