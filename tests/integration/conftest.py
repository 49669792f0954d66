"""What every subdomain's integration tests meet: the Amt Hüttener Berge and its member, one
editor, one person of the fulfilment team, one superuser (the subdomains' own data lives in their
conftest.py)."""

import pytest

from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import member_create
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

# Three Gemeinden of the Amt Hüttener Berge (ARS 010585890) as the Gemeindeverzeichnis names them.
HUETTENER_BERGE_GEMEINDEN = (
    ("Ascheffel", "01058008"),
    ("Bünsdorf", "01058035"),
    ("Holzbunge", "01058081"),
)


@pytest.fixture
def amt(db):
    """The Amt Hüttener Berge in its Kreis, with three of its Gemeinden; the general terms of use
    every order accepts are published."""
    terms_of_use_publish()
    kreis = KreisFactory(name="Rendsburg-Eckernförde", regional_key="01058")
    amt = VerwaltungFactory(
        kind="amt", name="Hüttener Berge", regional_key="010585890", kreis=kreis
    )
    for name, ags in HUETTENER_BERGE_GEMEINDEN:
        GemeindeFactory(verwaltung=amt, name=name, ags=ags)
    return amt


@pytest.fixture
def member(amt):
    """Hanna Hüttmann, who may order for the Amt."""
    return member_create(
        verwaltung=amt, first_name="Hanna", last_name="Hüttmann", email="hanna@amt.example"
    )


def _staff(group: str, first_name: str, last_name: str, email: str, **fields):
    return staff_create(
        group=group, first_name=first_name, last_name=last_name, email=email, **fields
    )


@pytest.fixture
def editor(db):
    """Rita Redakteurin of the Redaktion: Wagtail, without Oscar's dashboard."""
    return _staff(EDITORS_GROUP, "Rita", "Redakteurin", "redaktion@example.org")


@pytest.fixture
def fulfilment(db):
    """Fiete Fulfilment of the fulfilment team (Oscar's dashboard)."""
    return _staff(FULFILMENT_GROUP, "Fiete", "Fulfilment", "fiete@land.example", is_staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
