"""The forms of the municipal checkout steps. They check what a form can check; the shop's
services check everything again when the order is placed."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from shop.dienste.responsibility import responsibility_validate
from shop.models import AgreementVersion, Gemeinde, Verwaltung
from shop.orders import forms as order_forms
from shop.orders.selectors import PlannedService
from shop.orders.services import (
    GEMEINDEN_REQUIRED,
    START_DATE_REQUIRED,
    WISHED_START_MAX_YEARS,
    agreement_not_accepted,
    plan_validate,
    wished_start_date_validate,
)

# Fields whose value must come from the choices offered; anything else was tampered with.
FOREIGN_CHOICE = "Diese Auswahl steht Ihnen nicht zur Verfügung. Bitte wählen Sie erneut."


class StepForm(forms.Form):
    """A checkout step's form: what it captured goes into the checkout session as JSON
    (`step_value`) and comes back as the form's initial data (`initial_from`) when the person
    returns to the step. By default the cleaned fields, dates as ISO dates."""

    def step_value(self):
        return {
            name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in self.cleaned_data.items()
        }

    @classmethod
    def initial_from(cls, captured) -> dict:
        """A value its field no longer takes (a session from before a change) is left out: the
        person enters it anew."""
        initial = {}
        for name, value in captured.items():
            field = cls.base_fields.get(name)
            try:
                initial[name] = value if field is None else field.to_python(value)
            except ValidationError:
                continue
        return initial


class VerwaltungForm(StepForm):
    verwaltung = forms.ModelChoiceField(
        queryset=Verwaltung.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Ihre Verwaltungen",
        help_text="Die Gemeinden, Ansprechpersonen und Vereinbarungen der nächsten Schritte "
        "gelten für die Verwaltung, die Sie hier wählen.",
        error_messages={
            "required": "Bitte wählen Sie eine Verwaltung.",
            "invalid_choice": FOREIGN_CHOICE,
        },
    )

    def __init__(self, *args, verwaltungen, dienste=(), **kwargs):
        """`dienste`: the basket's services, for which the Verwaltung must be responsible."""
        super().__init__(*args, **kwargs)
        self.fields["verwaltung"].queryset = verwaltungen
        self.dienste = list(dienste)

    def clean_verwaltung(self):
        verwaltung = self.cleaned_data["verwaltung"]
        responsibility_validate(verwaltung=verwaltung, dienste=self.dienste)
        return verwaltung

    def step_value(self) -> int:
        return self.cleaned_data["verwaltung"].pk

    @classmethod
    def initial_from(cls, captured: int) -> dict:
        return {"verwaltung": captured}


class CheckboxesWithDisabled(forms.CheckboxSelectMultiple):
    """Checkboxes of which those with a value in `disabled_values` are shown but cannot be
    ticked."""

    disabled_values: frozenset = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if getattr(value, "value", value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class GemeindenForm(StepForm):
    gemeinden = forms.ModelMultipleChoiceField(
        queryset=Gemeinde.objects.none(),
        widget=CheckboxesWithDisabled,
        label="Für welche Gemeinden sollen die Dienste eingerichtet werden?",
        error_messages={
            "required": GEMEINDEN_REQUIRED,
            "invalid_choice": FOREIGN_CHOICE,
            "invalid_pk_value": FOREIGN_CHOICE,
        },
    )

    def __init__(self, *args, gemeinden, plan_for, already_ordered, ordered_everything, **kwargs):
        """`already_ordered`: per Gemeinde id the titles of the basket's services that are
        already ordered or live there (they will not be ordered for it again);
        `ordered_everything`: the ids of the Gemeinden that have all of them, shown but not
        selectable (posted anyway, nothing is ordered for them again: see `order_plan`)."""
        super().__init__(*args, **kwargs)
        field = self.fields["gemeinden"]
        field.queryset = Gemeinde.objects.filter(
            pk__in=[gemeinde.pk for gemeinde in gemeinden]
        ).order_by("name")
        field.widget.disabled_values = frozenset(ordered_everything)

        def label(gemeinde: Gemeinde) -> str:
            titles = already_ordered.get(gemeinde.pk)
            if gemeinde.pk in ordered_everything:
                note = " – bereits bestellt"
            elif titles:
                note = f" – bereits bestellt: {', '.join(titles)}"
            else:
                note = ""
            return f"{gemeinde.name} (AGS {gemeinde.ags}){note}"

        field.label_from_instance = label
        self.plan_for = plan_for

    def clean_gemeinden(self):
        gemeinden = list(self.cleaned_data["gemeinden"])
        plan_validate(plan=self.plan_for(gemeinden))
        return gemeinden

    def step_value(self) -> list[int]:
        return [gemeinde.pk for gemeinde in self.cleaned_data["gemeinden"]]


class ContactsForm(StepForm, order_forms.ContactsForm):
    """The contacts, as the correction of contacts after ordering asks for them."""

    def step_value(self) -> dict[str, dict[str, str]]:
        return self.contacts()

    initial_from = staticmethod(order_forms.ContactsForm.initial_from)


class ScheduleForm(StepForm):
    wished_start_date = forms.DateField(
        label="Gewünschter Starttermin",
        help_text="Ab wann soll der Dienst für Ihre Verwaltung laufen? Frühestens heute, "
        f"höchstens {WISHED_START_MAX_YEARS} Jahre im Voraus. Format: TT.MM.JJJJ, "
        "zum Beispiel 01.03.2027",
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
        # A text field, not the browser's date picker: its format follows the browser's language
        # and screen readers handle it unevenly; the hint tells the one format to type.
        widget=forms.DateInput(attrs={"autocomplete": "off", "size": 10}, format="%d.%m.%Y"),
        error_messages={
            "required": START_DATE_REQUIRED,
            "invalid": "Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).",
        },
    )
    remarks = forms.CharField(
        label="Anmerkungen",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Was das Umsetzungsteam wissen sollte (höchstens 2.000 Zeichen).",
        error_messages={"max_length": "Bitte fassen Sie sich kürzer (höchstens 2.000 Zeichen)."},
    )

    def clean_wished_start_date(self) -> datetime.date:
        return wished_start_date_validate(day=self.cleaned_data["wished_start_date"])


class AgreementsForm(StepForm):
    """One checkbox per agreement in its current version (`version_<pk>`), and the versions the
    page showed: if a newer version was published meanwhile, the person must read it first."""

    shown_versions = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, agreement_versions: list[AgreementVersion], verwaltung: Verwaltung, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.versions = agreement_versions
        self.fields["shown_versions"].initial = self._version_list(agreement_versions)
        for version in agreement_versions:
            field = forms.BooleanField(
                label=(
                    f"Ich habe „{version.agreement.title}“ (Version {version.version}) gelesen "
                    f"und nehme sie für {verwaltung.name} an."
                ),
                error_messages={"required": agreement_not_accepted(agreement=version.agreement)},
            )
            field.widget.attrs["class"] = "kern-form-check__checkbox"
            self.fields[f"version_{version.pk}"] = field

    @staticmethod
    def _version_list(versions: list[AgreementVersion]) -> str:
        return ",".join(str(version.pk) for version in versions)

    @property
    def agreements(self) -> list[dict]:
        return [
            {"version": version, "field": self[f"version_{version.pk}"]}
            for version in self.versions
        ]

    def clean_shown_versions(self) -> str:
        shown = self.cleaned_data["shown_versions"]
        if shown != self._version_list(self.versions):
            raise ValidationError(
                "Inzwischen gilt eine neue Fassung mindestens einer Vereinbarung. Bitte lesen "
                "Sie die Vereinbarungen unten in ihrer aktuellen Fassung und bestätigen Sie sie."
            )
        return shown

    def step_value(self) -> list[int]:
        """The ids of the versions accepted: every one shown."""
        return [version.pk for version in self.versions]

    @classmethod
    def initial_from(cls, captured: list[int]) -> dict:
        return {f"version_{pk}": True for pk in captured}


class PlaceOrderForm(forms.Form):
    """The review's button „Kostenfrei bestellen“. It carries what the review showed: the basket (a
    second click finds the order the first one placed from it) and per service the Gemeinden it
    would be set up for (`shown_plan`, `<dienst>:<gemeinde>,<gemeinde>;…`), so that placing
    refuses an order that has changed since (shop.orders.services.plan_confirm). Its fields are
    hidden: whatever is wrong with them, the person is told REVIEW_INCOMPLETE."""

    REVIEW_INCOMPLETE = (
        "Die Übersicht ist unvollständig angekommen. Bitte prüfen Sie sie und bestellen Sie erneut."
    )

    # Basket ids are 64 bits wide; a larger number is no basket, and SQLite cannot even compare it.
    basket = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**63 - 1
    )
    shown_plan = forms.CharField(widget=forms.HiddenInput)

    @classmethod
    def for_review(cls, *, basket_id: int, plan: list[PlannedService]) -> "PlaceOrderForm":
        shown_plan = ";".join(
            f"{planned.dienst.pk}:{','.join(str(gemeinde.pk) for gemeinde in planned.gemeinden)}"
            for planned in plan
        )
        return cls(initial={"basket": basket_id, "shown_plan": shown_plan})

    def clean_shown_plan(self) -> dict[int, list[int]]:
        try:
            return {
                int(dienst_id): [int(pk) for pk in gemeinde_ids.split(",") if pk]
                for dienst_id, gemeinde_ids in (
                    entry.split(":") for entry in self.cleaned_data["shown_plan"].split(";")
                )
            }
        except ValueError:
            raise ValidationError(self.REVIEW_INCOMPLETE) from None

    def reviewed_basket_id(self) -> int | None:
        """The basket the review showed, whatever else in the form may be wrong."""
        self.is_valid()
        return self.cleaned_data.get("basket")
