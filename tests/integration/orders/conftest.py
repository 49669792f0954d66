"""The orders subdomain's data: one order of the Amt's member, one of a Kreis for itself."""

import datetime

import pytest

from tests.factories import KreisFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish


@pytest.fixture
def wished_start() -> datetime.date:
    """Within the bound for a wished start date, whenever the tests run."""
    return datetime.date.today() + datetime.timedelta(days=400)


@pytest.fixture
def order(amt, member, wished_start):
    """Wohngeld for all three Gemeinden, ordered by the member with a remark."""
    return order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(title="Wohngeld")],
        wished_start_date=wished_start,
        remarks="Bitte zuerst Ascheffel.",
    )


@pytest.fixture
def kreis_order(db):
    """The Postfach, ordered by a member of a Kreis for the Kreis itself (no Gemeinden)."""
    terms_of_use_publish()
    kreis = KreisFactory(name="Kreis Rendsburg-Eckernförde")
    member = member_create(verwaltung=kreis)
    return order_place(
        user=member, verwaltung=kreis, dienste=[dienst_create(title="Postfach")], gemeinden=[]
    )
