"""The orders subdomain's data: one order of the Amt's member."""

import datetime

import pytest

from tests.factories import dienst_create
from tests.factories import order_place


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
