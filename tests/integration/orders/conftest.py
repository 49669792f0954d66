"""The orders subdomain's people and data: the member who orders for the Amt, and one order."""

import datetime

import pytest

from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place


@pytest.fixture
def member(amt):
    """Hanna Hüttmann, who may order for the Amt."""
    return member_create(
        verwaltung=amt, first_name="Hanna", last_name="Hüttmann", email="hanna@amt.example"
    )


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
