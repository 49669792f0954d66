from django import forms

from shop.models.interest import NOTE_MAX_LENGTH

REGISTER = "bekunden"
WITHDRAW = "zurueckziehen"


class InterestForm(forms.Form):
    """The note and which of the two buttons was pressed ("bekunden" also saves a new note)."""

    note = forms.CharField(
        label="Anmerkung",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Zum Beispiel, ab wann Sie den Dienst brauchen oder für welche Gemeinden. "
        f"Höchstens {NOTE_MAX_LENGTH} Zeichen.",
        error_messages={
            "max_length": "Die Anmerkung darf höchstens %(limit_value)d Zeichen lang sein "
            "(jetzt %(show_value)d).",
        },
    )
    aktion = forms.ChoiceField(
        choices=[(REGISTER, "Interesse bekunden"), (WITHDRAW, "Interesse zurückziehen")],
        error_messages={
            "required": "Bitte wählen Sie, ob Sie Interesse bekunden oder zurückziehen.",
            "invalid_choice": "Bitte wählen Sie, ob Sie Interesse bekunden oder zurückziehen.",
        },
    )

    @property
    def withdraws(self) -> bool:
        return self.cleaned_data["aktion"] == WITHDRAW
