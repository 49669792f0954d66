"""The forms with which a Verwaltungsadmin or the ITVSH decides about a member; one page shows
those that fit the membership's status, each with its own prefix and submit value."""

from django import forms

from shop.accounts.forms import MembershipDecisionForm
from shop.models import Membership


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Rolle",
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        help_text="„bestellberechtigt“ darf Dienste bestellen, „lesend“ sieht nur Bestellungen "
        "und Dienste.",
        error_messages={"required": "Bitte wählen Sie eine Rolle."},
    )
    is_admin = forms.BooleanField(
        label="Verwaltungsadmin: verwaltet die Mitglieder der Verwaltung",
        required=False,
    )


class MemberRemoveForm(forms.Form):
    reason = forms.CharField(
        label="Begründung (freiwillig, geht an die Person)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# The action a submit button names (`aktion`), its form and the status it applies to.
ACTIONS = {
    "antrag": (MembershipDecisionForm, Membership.Status.REQUESTED),
    "rolle": (MemberRoleForm, Membership.Status.APPROVED),
    "entfernen": (MemberRemoveForm, Membership.Status.APPROVED),
}


def member_forms(*, membership: Membership, action: str = "", data=None) -> dict[str, forms.Form]:
    """The forms for the membership's status; only the submitted one (`action`) is bound."""
    initial = {"rolle": {"role": membership.role, "is_admin": membership.is_admin}}
    return {
        name: form_class(data if name == action else None, prefix=name, initial=initial.get(name))
        for name, (form_class, status) in ACTIONS.items()
        if membership.status == status
    }
