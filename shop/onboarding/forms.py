"""The form of a line's checklist, built from its definition: one input per field, and per
Gemeinde where the field says so. Every input may stay empty (members save what they have and
come back); which ones the setup needs is shown, and the rollout gate enforces it."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from shop.models import OnboardingFieldType

from .definition import NO, TEXT_MAX_LENGTH, YES, upload_check
from .selectors import FieldState, OnboardingState, Target


def _initial(spec: dict, target: Target):
    answer = target.answer
    if answer is None or answer.file:
        return None
    if spec["type"] == OnboardingFieldType.DATE:
        try:
            return datetime.date.fromisoformat(answer.value)
        except ValueError:
            return None
    return answer.value


# Django's own German messages address people informally; the shop does not.
INVALID_CHOICE = {"invalid_choice": "Bitte wählen Sie eine der angebotenen Möglichkeiten."}
TOO_LONG = "Bitte kürzen Sie die Angabe auf höchstens %(limit_value)d Zeichen."


def _form_field(spec: dict, target: Target, *, label: str) -> forms.Field:
    kind = spec["type"]
    common = {"label": label, "required": False, "help_text": ""}
    if kind == OnboardingFieldType.EMAIL:
        field = forms.EmailField(
            max_length=254,
            error_messages={
                "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
                "max_length": TOO_LONG,
            },
            **common,
        )
    elif kind == OnboardingFieldType.URL:
        field = forms.URLField(
            max_length=500,
            assume_scheme="https",
            error_messages={
                "invalid": "Bitte geben Sie eine gültige Internetadresse ein, z. B. "
                "https://www.example.de/.",
                "max_length": TOO_LONG,
            },
            **common,
        )
    elif kind == OnboardingFieldType.CHOICE:
        field = forms.ChoiceField(
            choices=[("", "Bitte wählen")] + [(choice, choice) for choice in spec["choices"]],
            error_messages=INVALID_CHOICE,
            **common,
        )
    elif kind == OnboardingFieldType.YESNO:
        field = forms.ChoiceField(
            choices=[(YES, YES), (NO, NO)],
            widget=forms.RadioSelect,
            error_messages=INVALID_CHOICE,
            **common,
        )
    elif kind == OnboardingFieldType.DATE:
        field = forms.DateField(
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Bitte geben Sie ein Datum an, z. B. 31.12.2026."},
            **common,
        )
    elif kind == OnboardingFieldType.FILE:
        field = forms.FileField(
            widget=forms.ClearableFileInput(
                attrs={"accept": ",".join(f".{ext}" for ext in spec["extensions"])}
            ),
            error_messages={
                "invalid": "Die Datei ist nicht angekommen; bitte wählen Sie sie noch einmal.",
                "empty": "Die Datei ist leer.",
                "max_length": "Der Dateiname ist zu lang.",
            },
            **common,
        )
        stored = target.answer.file_name if target.answer and target.answer.file else ""
        field.help_text = (
            f"{', '.join(ext.upper() for ext in spec['extensions'])}, höchstens "
            f"{spec['max_size_mb']} MB."
            + (f" Gespeichert: {stored}; eine neue Datei ersetzt sie." if stored else "")
        )
    else:
        field = forms.CharField(
            max_length=TEXT_MAX_LENGTH, error_messages={"max_length": TOO_LONG}, **common
        )
    if kind != OnboardingFieldType.FILE and spec["help_text"] and not target.gemeinde_id:
        field.help_text = spec["help_text"]
    # Rendered without "optional" (kern/forms/optional.html): the setup needs it.
    field.show_as_required = spec["required"]
    return field


def _name(field: FieldState, target: Target) -> str:
    return f"f-{field.key}" + (f"-{target.gemeinde_id}" if target.gemeinde_id else "")


class OnboardingForm(forms.Form):
    def __init__(self, *args, state: OnboardingState, **kwargs):
        super().__init__(*args, **kwargs)
        self.state = state
        self._targets: dict[str, tuple[FieldState, Target]] = {}
        for field in state.fields:
            for target in field.targets:
                name = _name(field, target)
                label = target.gemeinde_name if target.gemeinde_id else field.label
                self.fields[name] = _form_field(field.spec, target, label=label)
                self.initial[name] = _initial(field.spec, target)
                self._targets[name] = (field, target)

    def groups(self) -> list[tuple[FieldState, list]]:
        """Per field of the checklist its inputs: one, or one per Gemeinde (a fieldset)."""
        return [
            (field, [self[_name(field, target)] for target in field.targets])
            for field in self.state.fields
        ]

    def clean(self):
        cleaned_data = super().clean()
        for name, (field, _target) in self._targets.items():
            upload = cleaned_data.get(name)
            if field.spec["type"] == OnboardingFieldType.FILE and upload:
                try:
                    upload_check(upload=upload, field=field.spec)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned_data

    def values(self) -> dict:
        """The cleaned values as shop.onboarding.services.onboarding_answers_save takes them:
        a file field without upload is None (left as it is)."""
        values = {}
        for name, (field, target) in self._targets.items():
            value = self.cleaned_data.get(name)
            if field.spec["type"] == OnboardingFieldType.FILE and not value:
                value = None
            values[(field.key, target.gemeinde_id)] = value
        return values

    def add_service_errors(self, error: ValidationError) -> None:
        """Errors of the service (by field key) on the inputs of that field."""
        for key, problems in error.message_dict.items():
            names = [name for name, (field, _) in self._targets.items() if field.key == key]
            self.add_error(names[0] if names else None, problems)
