from django import forms


class NewsSubscriptionForm(forms.Form):
    """One field with two values, so that each of the two buttons says what it does."""

    aktion = forms.ChoiceField(
        choices=[("abonnieren", "Abonnieren"), ("abbestellen", "Abbestellen")],
        error_messages={
            "required": "Bitte wählen Sie, ob Sie die Neuigkeiten abonnieren oder abbestellen.",
            "invalid_choice": "Bitte wählen Sie, ob Sie die Neuigkeiten abonnieren oder "
            "abbestellen.",
        },
    )

    @property
    def subscribed(self) -> bool:
        return self.cleaned_data["aktion"] == "abonnieren"
