"""Who may order a service: the kinds of Verwaltung it names (empty: all), how the profile says
so, and the sentence that refuses a Verwaltung of another kind."""

import pytest
from django.core.exceptions import ValidationError

from cms_pages.profile_fields import CATALOGUE_FILTERS
from cms_pages.profile_fields import PROFILE_FIELDS
from shop.dienste.responsibility import kind_is_responsible
from shop.dienste.responsibility import responsibility_refusal
from shop.dienste.responsibility import responsibility_text
from shop.dienste.responsibility import responsibility_validate
from shop.dienste.responsibility import responsible_kinds_clean
from shop.models import Dienst
from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.models.fields import ResponsibleKindsFormField

KREIS_LEVEL = [VerwaltungKind.KREIS, VerwaltungKind.KREISFREIE_STADT]


def amt() -> Verwaltung:
    return Verwaltung(kind=VerwaltungKind.AMT, name="Hüttener Berge")


def test_the_kinds_are_kept_in_the_registrys_order_each_once():
    assert responsible_kinds_clean(["amt", "kreis", "amt"]) == ["kreis", "amt"]


def test_every_kind_ticked_is_stored_as_all_kinds():
    # So that a kind added later (another Land's registry) may order it as well.
    assert responsible_kinds_clean(VerwaltungKind.values) == []
    assert responsible_kinds_clean([]) == []


def test_an_unknown_kind_is_refused_in_german():
    with pytest.raises(ValidationError) as error:
        responsible_kinds_clean(["kreis", "bundesland"])
    assert error.value.messages == ["Unbekannte Art von Verwaltung: bundesland."]


@pytest.mark.parametrize(
    ("kinds", "kind", "responsible"),
    [
        ([], VerwaltungKind.AMT, True),
        (KREIS_LEVEL, VerwaltungKind.KREIS, True),
        (KREIS_LEVEL, VerwaltungKind.KREISFREIE_STADT, True),
        (KREIS_LEVEL, VerwaltungKind.AMT, False),
        (KREIS_LEVEL, VerwaltungKind.AMTSFREIE_GEMEINDE, False),
        ([VerwaltungKind.AMT], "verbandsgemeinde", False),
        ([], "verbandsgemeinde", True),
    ],
)
def test_who_is_responsible(kinds, kind, responsible):
    assert kind_is_responsible(kinds=kinds, kind=kind) is responsible


@pytest.mark.parametrize(
    ("kinds", "text"),
    [
        ([], "alle Verwaltungen"),
        (KREIS_LEVEL, "Kreise und kreisfreie Städte"),
        ([VerwaltungKind.KREISFREIE_STADT], "Kreisfreie Städte"),
        # As stored, in the registry's order: said from the largest body down.
        (["kreisfreie_stadt", "kreis"], "Kreise und kreisfreie Städte"),
        (
            [VerwaltungKind.AMT, VerwaltungKind.KIRCHSPIELSLANDGEMEINDE, "amtsfreie_gemeinde"],
            "Ämter, Kirchspielslandgemeinden und amtsfreie Gemeinden und Städte",
        ),
        (["verbandsgemeinde"], "Verbandsgemeinden"),  # a kind of another Land
    ],
)
def test_the_profile_says_who_is_responsible(kinds, text):
    assert responsibility_text(kinds=kinds) == text


def test_the_refusal_says_who_offers_the_service_and_who_cannot_order_it():
    assert responsibility_refusal(
        title="Kfz-Abmeldung", kinds=KREIS_LEVEL, verwaltungen=[amt()]
    ) == (
        "„Kfz-Abmeldung“ bieten die Kreise und kreisfreien Städte an; "
        "das Amt Hüttener Berge kann diesen Dienst nicht bestellen."
    )


def test_the_refusal_names_each_verwaltung_of_the_person():
    stadt = Verwaltung(kind=VerwaltungKind.AMTSFREIE_GEMEINDE, name="Eckernförde, Stadt")
    kreis = Verwaltung(kind=VerwaltungKind.KREIS, name="Nordfriesland")

    assert responsibility_refusal(
        title="Hundesteuer", kinds=[VerwaltungKind.AMT], verwaltungen=[stadt, kreis]
    ) == (
        "„Hundesteuer“ bieten die Ämter an; „Eckernförde, Stadt“ und der Kreis Nordfriesland "
        "können diesen Dienst nicht bestellen."
    )


def test_placing_an_order_names_each_service_the_verwaltung_is_not_responsible_for():
    kfz = Dienst(title="Kfz-Abmeldung", responsible_kinds=KREIS_LEVEL)
    wohngeld = Dienst(title="Wohngeld", responsible_kinds=[])
    bauantrag = Dienst(title="Bauantrag", responsible_kinds=[VerwaltungKind.KREIS])

    with pytest.raises(ValidationError) as error:
        responsibility_validate(verwaltung=amt(), dienste=[kfz, wohngeld, bauantrag])

    assert len(error.value.messages) == 2
    assert error.value.messages[1] == (
        "„Bauantrag“ bieten die Kreise an; das Amt Hüttener Berge kann diesen Dienst nicht "
        "bestellen."
    )
    responsibility_validate(verwaltung=amt(), dienste=[wohngeld])


def test_the_editors_field_offers_the_registrys_kinds_and_cleans_the_ticks(monkeypatch):
    in_registry = [(VerwaltungKind.KREIS, "Kreis"), (VerwaltungKind.AMT, "Amt")]
    monkeypatch.setattr("shop.models.fields._kind_choices", lambda: in_registry)
    field = ResponsibleKindsFormField(required=False)

    assert [value for value, _ in field.choices] == ["kreis", "amt"]
    assert field.clean(["kreis"]) == ["kreis"]
    assert field.clean(["kreis", "amt"]) == []  # every kind offered: all Verwaltungen
    assert field.clean([]) == []
    assert field.prepare_value('["amt"]') == ["amt"]
    with pytest.raises(ValidationError):
        field.clean(["samtgemeinde"])  # not in this registry


def test_responsibility_is_a_public_field_and_a_filter_of_the_catalogue():
    (field,) = [field for field in PROFILE_FIELDS if field.name == "responsible_kinds"]
    (catalogue_filter,) = [f for f in CATALOGUE_FILTERS if f.field == "responsible_kinds"]

    assert field.label == "Zuständig"
    assert field.api_type == list[str]
    assert field.in_listing
    assert catalogue_filter.parameter == "zustaendig"
    assert catalogue_filter.many
    assert catalogue_filter.allowed_values == frozenset(VerwaltungKind.values)
