"""How a person finds their Verwaltung in the registration's list: name, kind and the Kreis by its
own kind ("Kreis" in Schleswig-Holstein, "Landkreis" elsewhere), then the key."""

import pytest

from shop.accounts.forms import VerwaltungChoiceField
from shop.models import Verwaltung


@pytest.mark.parametrize(
    ("kreis_kind", "kreis_name", "kind", "name", "key", "label"),
    [
        (
            "kreis",
            "Rendsburg-Eckernförde",
            "amt",
            "Hüttener Berge",
            "010585890",
            "Hüttener Berge (Amt, Kreis Rendsburg-Eckernförde, 010585890)",
        ),
        (
            "landkreis",
            "Celle",
            "samtgemeinde",
            "Wathlingen",
            "033515404",
            "Wathlingen (Samtgemeinde, Landkreis Celle, 033515404)",
        ),
    ],
)
def test_the_kreis_is_named_by_its_kind(kreis_kind, kreis_name, kind, name, key, label):
    kreis = Verwaltung(pk=1, kind=kreis_kind, name=kreis_name, regional_key=key[:5])
    verwaltung = Verwaltung(pk=2, kind=kind, name=name, regional_key=key, kreis=kreis)

    field = VerwaltungChoiceField(queryset=Verwaltung.objects.none())

    assert field.label_from_instance(verwaltung) == label


def test_a_landkreis_is_not_shown_with_a_kreis():
    landkreis = Verwaltung(pk=1, kind="landkreis", name="Celle", regional_key="03351")
    landkreis.kreis = landkreis

    field = VerwaltungChoiceField(queryset=Verwaltung.objects.none())

    assert field.label_from_instance(landkreis) == "Celle (Landkreis, 03351)"
