"""The refusal names the kinds of Verwaltung of other Länder by their own words, and a Landkreis
orders for itself as a Kreis does."""

import pytest

from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.orders.selectors import _already_ordered_refusal
from shop.orders.selectors import orders_for_itself


@pytest.mark.parametrize(
    ("kind", "name", "where"),
    [
        (
            VerwaltungKind.SAMTGEMEINDE,
            "Wathlingen",
            "für alle Gemeinden der Samtgemeinde Wathlingen",
        ),
        (
            VerwaltungKind.VERBANDSGEMEINDE,
            "Adenau",
            "für alle Gemeinden der Verbandsgemeinde Adenau",
        ),
        (
            VerwaltungKind.VERWALTUNGSGEMEINSCHAFT,
            "Kirchweidach",
            "für alle Gemeinden der Verwaltungsgemeinschaft Kirchweidach",
        ),
        (
            VerwaltungKind.VERWALTUNGSVERBAND,
            "Gärtringen",
            "für alle Gemeinden des Verwaltungsverbands Gärtringen",
        ),
        (VerwaltungKind.LANDKREIS, "Cuxhaven", "für den Landkreis Cuxhaven"),
        (VerwaltungKind.REGIONALVERBAND, "Saarbrücken", "für den Regionalverband Saarbrücken"),
        (VerwaltungKind.STADTKREIS, "Stuttgart", "für „Stuttgart“"),
        (VerwaltungKind.VERBANDSFREIE_GEMEINDE, "Cuxhaven, Stadt", "für „Cuxhaven, Stadt“"),
    ],
)
def test_the_refusal_names_the_kind_of_the_land(kind, name, where):
    refusal = _already_ordered_refusal([Verwaltung(pk=3, kind=kind, name=name)], 5)

    assert refusal.reason == f"Dieser Dienst ist {where} bereits bestellt."


@pytest.mark.parametrize(
    ("kind", "for_itself"),
    [
        (VerwaltungKind.KREIS, True),
        (VerwaltungKind.LANDKREIS, True),
        (VerwaltungKind.REGIONALVERBAND, True),
        (VerwaltungKind.KREISFREIE_STADT, False),
        (VerwaltungKind.STADTKREIS, False),
        (VerwaltungKind.SAMTGEMEINDE, False),
    ],
)
def test_a_kreis_of_any_land_orders_for_itself(kind, for_itself):
    assert orders_for_itself(verwaltung=Verwaltung(kind=kind)) is for_itself
