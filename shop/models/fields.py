"""Fields that several models declare alike; a module of its own, so that importing them does not
change the order in which the models are registered."""

import json
from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


def _foreign_key(to: str, verbose_name: str, *, on_delete, related_name: str, **options):
    """A foreign key to `to`, named `verbose_name` in forms and the admin; each model says what
    happens to its rows when the target goes (`on_delete`) and how the target reaches them."""
    return models.ForeignKey(
        to, on_delete=on_delete, related_name=related_name, verbose_name=verbose_name, **options
    )


# The records of a service, of an order and of an ordered service point at them under the same
# name wherever they are declared.
dienst_foreign_key = partial(_foreign_key, "shop.Dienst", "Dienst")
order_details_foreign_key = partial(_foreign_key, "shop.OrderDetails", "Bestelldetails")
ordered_service_foreign_key = partial(_foreign_key, "shop.OrderedService", "Bestellter Dienst")


def verwaltung_foreign_key(*, related_name: str) -> models.ForeignKey:
    """The Verwaltung that a membership, an order or an acceptance is for. Protected: a Verwaltung
    is never deleted while anything points at it, only marked inactive (shop.models.registry)."""
    return _foreign_key(
        "shop.Verwaltung", "Verwaltung", on_delete=models.PROTECT, related_name=related_name
    )


def gemeinde_foreign_key(*, related_name: str) -> models.ForeignKey:
    """The Gemeinde a record is for; empty where it is for the Verwaltung (or the Kreis) as a
    whole. Protected like the Verwaltung: a Gemeinde is only ever marked inactive."""
    return _foreign_key(
        "shop.Gemeinde",
        "Gemeinde",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
    )


def person_foreign_key(
    *, verbose_name: str, required: bool = False, related_name: str = "+"
) -> models.ForeignKey:
    """The person who did something to a record (decided, changed, asked, accepted), by default
    without a way back from the person. `required`: the record is evidence of what that person
    did, so the person is kept while it exists; otherwise the record outlives the person's
    account."""
    if required:
        options = {"on_delete": models.PROTECT}
    else:
        options = {"on_delete": models.SET_NULL, "null": True, "blank": True}
    return _foreign_key(
        settings.AUTH_USER_MODEL, verbose_name, related_name=related_name, **options
    )


class DienstAvailability(models.TextChoices):
    """Whether a service can be ordered yet (Dienst.Availability)."""

    AVAILABLE = "verfuegbar", "verfügbar"
    IN_PREPARATION = "in_vorbereitung", "in Vorbereitung"


def availability_field(**options) -> models.CharField:
    """A service's availability, as the shop's Dienst and the service page it is synced from
    both hold it."""
    return models.CharField(
        "Verfügbarkeit",
        max_length=20,
        choices=DienstAvailability.choices,
        default=DienstAvailability.AVAILABLE,
        **options,
    )


def _responsible_kinds_validate(value) -> None:
    # Imported here: shop.dienste imports the models.
    from shop.dienste.responsibility import responsible_kinds_clean

    if not isinstance(value, list):
        raise ValidationError("Die Zuständigkeit ist eine Liste von Arten von Verwaltungen.")
    responsible_kinds_clean(value)


def _kind_choices() -> list[tuple[str, str]]:
    """The kinds the imported registry has (an editor in Schleswig-Holstein is not offered
    Samtgemeinden), every kind while the registry is empty."""
    from shop.models.registry import Verwaltung, VerwaltungKind

    present = set(Verwaltung.objects.order_by().values_list("kind", flat=True).distinct())
    return [choice for choice in VerwaltungKind.choices if choice[0] in present] or list(
        VerwaltungKind.choices
    )


class ResponsibleKindsField(models.JSONField):
    """The kinds of Verwaltung (VerwaltungKind values) that may order a service, as a JSON list;
    empty: all kinds. The choices are read from VerwaltungKind when a form is made, so a new kind
    needs no migration; editors tick them (nothing ticked: all kinds)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [_responsible_kinds_validate])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key, value in (("default", list), ("blank", True)):
            if kwargs.get(key) is value:
                del kwargs[key]
        if kwargs.get("validators") == [_responsible_kinds_validate]:
            del kwargs["validators"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return ResponsibleKindsFormField(
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            required=False,
        )


class ResponsibleKindsFormField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=_kind_choices, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):  # a JSON text, as a bound JSONField hands it over
            try:
                value = json.loads(value)
            except ValueError:
                return []
        return value or []

    def clean(self, value):
        from shop.dienste.responsibility import responsible_kinds_clean

        chosen = super().clean(value)
        # Every kind offered ticked means every Verwaltung, also of kinds imported later.
        if chosen and set(chosen) == {kind for kind, _ in self.choices}:
            return []
        return responsible_kinds_clean(chosen)
