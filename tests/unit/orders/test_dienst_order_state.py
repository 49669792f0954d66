"""How a service's order state for one Verwaltung reads ("bereits bestellt", "bestellt für ...")."""

import pytest

from shop.models import Verwaltung
from shop.models import VerwaltungKind
from shop.orders.selectors import DienstOrderState

AMT = Verwaltung(pk=1, name="Amt Hüttener Berge", kind=VerwaltungKind.AMT)
KREIS = Verwaltung(pk=2, name="Kreis Rendsburg-Eckernförde", kind=VerwaltungKind.KREIS)


def state(*, verwaltung=AMT, ordered: int, of: int) -> DienstOrderState:
    return DienstOrderState(
        verwaltung=verwaltung, dienst_id=7, ordered_count=ordered, gemeinden_count=of
    )


@pytest.mark.parametrize(
    ("ordered", "of", "label"),
    [
        (3, 16, "bestellt für 3 von 16 Gemeinden"),
        (1, 2, "bestellt für 1 von 2 Gemeinden"),
        (15, 16, "bestellt für 15 von 16 Gemeinden"),
    ],
)
def test_partly_ordered_names_how_many_gemeinden(ordered, of, label):
    assert state(ordered=ordered, of=of).label == label
    assert not state(ordered=ordered, of=of).is_complete


@pytest.mark.parametrize(("ordered", "of"), [(16, 16), (1, 1), (4, 3)])
def test_ordered_for_every_gemeinde_is_bereits_bestellt(ordered, of):
    assert state(ordered=ordered, of=of).is_complete
    assert state(ordered=ordered, of=of).label == "bereits bestellt"


def test_a_kreis_ordering_for_itself_is_bereits_bestellt():
    # A Kreis has no Gemeinden to order for: the selector passes gemeinden_count=0.
    kreis_state = state(verwaltung=KREIS, ordered=1, of=0)

    assert kreis_state.is_complete
    assert kreis_state.label == "bereits bestellt"
