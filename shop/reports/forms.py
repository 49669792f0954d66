"""The service selector of the coverage report's map (a GET form)."""

from django import forms

from .selectors import DienstColumn


class MapDiensteForm(forms.Form):
    dienst = forms.TypedMultipleChoiceField(
        label="Dienste für die Karte",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "invalid_choice": "Die Auswahl enthält einen unbekannten Dienst. Die Karte zeigt "
            "deshalb alle Dienste."
        },
    )

    def __init__(self, *args, dienste: list[DienstColumn], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dienst"].choices = [(str(d.dienst_id), d.title) for d in dienste]

    def checked_values(self) -> set[str]:
        """The boxes to show ticked: the valid choice, none after bad input."""
        if self.is_valid():
            return {str(pk) for pk in self.cleaned_data["dienst"]}
        return set()

    def selected_ids(self) -> list[int]:
        """The services chosen, or all of them when none is chosen or the input is bad."""
        if self.is_valid() and self.cleaned_data["dienst"]:
            return sorted(self.cleaned_data["dienst"])
        return sorted(int(value) for value, _ in self.fields["dienst"].choices)
