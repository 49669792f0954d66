"""How a refusal reads: whose Gemeinden the service is already ordered for, and where to look."""

import pytest
from django.urls import reverse

from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.orders.selectors import OrderRefusal
from shop.orders.selectors import _already_ordered_refusal


def verwaltung(pk: int, kind: str, name: str) -> Verwaltung:
    return Verwaltung(pk=pk, kind=kind, name=name)


@pytest.mark.parametrize(
    ("kind", "name", "reason"),
    [
        (
            VerwaltungKind.AMT,
            "Hüttener Berge",
            "Dieser Dienst ist für alle Gemeinden des Amtes Hüttener Berge bereits bestellt.",
        ),
        (
            VerwaltungKind.KIRCHSPIELSLANDGEMEINDE,
            "Eider",
            "Dieser Dienst ist für alle Gemeinden der Kirchspielslandgemeinde Eider bereits "
            "bestellt.",
        ),
        (
            VerwaltungKind.KREIS,
            "Rendsburg-Eckernförde",
            "Dieser Dienst ist für den Kreis Rendsburg-Eckernförde bereits bestellt.",
        ),
        (
            VerwaltungKind.KREISFREIE_STADT,
            "Flensburg, Stadt",
            "Dieser Dienst ist für „Flensburg, Stadt“ bereits bestellt.",
        ),
        (
            VerwaltungKind.AMTSFREIE_GEMEINDE,
            "Kronshagen",
            "Dieser Dienst ist für „Kronshagen“ bereits bestellt.",
        ),
    ],
)
def test_one_verwaltung_is_named_by_its_kind(kind, name, reason):
    refusal = _already_ordered_refusal([verwaltung(7, kind, name)], 3)

    assert refusal.reason == reason
    assert refusal.link_label == "Stand der Umsetzung"
    assert refusal.link_url == reverse(
        "shop_orders:service", kwargs={"verwaltung_id": 7, "dienst_id": 3}
    )
    assert refusal.already_ordered


def test_several_verwaltungen_are_listed():
    refusal = _already_ordered_refusal(
        [
            verwaltung(1, VerwaltungKind.AMT, "Hüttener Berge"),
            verwaltung(2, VerwaltungKind.KREISFREIE_STADT, "Flensburg, Stadt"),
        ],
        3,
    )

    assert refusal.reason == (
        "Dieser Dienst ist für alle Verwaltungen, für die Sie bestellen dürfen "
        "(„Hüttener Berge“, „Flensburg, Stadt“), bereits bestellt."
    )
    assert refusal.link_url == "/konto/meine-dienste/"


def test_as_a_message_it_names_the_page_to_look_at():
    refusal = OrderRefusal(reason="Schon bestellt.", link_label="Meine Dienste", link_url="/x/")

    assert str(refusal) == "Schon bestellt. Siehe „Meine Dienste“."
