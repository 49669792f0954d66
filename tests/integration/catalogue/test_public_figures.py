"""The home page's public figures (shop.reports.selectors.public_figures) from data of their
own, empty tables included; on the coverage report's known dataset: test_coverage_report."""

import pytest

from shop.models import Dienst
from shop.models import Membership
from shop.models import RolloutStatus
from shop.reports.selectors import public_figures
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_in_status
from tests.factories import terms_of_use_publish

pytestmark = pytest.mark.django_db


def test_public_figures_count_approved_members_and_orders_that_did_not_end():
    terms_of_use_publish()
    kreis = KreisFactory()
    offered = [dienst_create(title="A"), dienst_create(title="B")]
    dienst_create(availability=Dienst.Availability.IN_PREPARATION)
    Dienst.objects.filter(pk=dienst_create().pk).update(is_published=False)

    member_create(verwaltung=VerwaltungFactory(kreis=kreis))  # connected: approved member
    Membership.objects.create(user=UserFactory(), verwaltung=VerwaltungFactory(kreis=kreis))
    ended = VerwaltungFactory(kreis=kreis)  # only an order that was rejected
    GemeindeFactory(verwaltung=ended)
    order_in_status(ended, offered[0], RolloutStatus.REJECTED)
    Membership.objects.filter(verwaltung=ended).update(status=Membership.Status.REJECTED)
    ordering = VerwaltungFactory(kreis=kreis)  # connected by its orders, members since gone
    GemeindeFactory(verwaltung=ordering)
    order_in_status(ordering, offered[0], RolloutStatus.LIVE)
    order_in_status(ordering, offered[1], RolloutStatus.IN_PROGRESS)
    Membership.objects.filter(verwaltung=ordering).delete()
    retired = VerwaltungFactory(kreis=kreis, active=False)
    member_create(verwaltung=retired)

    assert public_figures() == {
        "services_offered": 2,
        "verwaltungen_connected": 2,
        "services_live": 1,
    }


def test_public_figures_are_right_when_tables_are_empty():
    assert public_figures() == {
        "services_offered": 0,
        "verwaltungen_connected": 0,
        "services_live": 0,
    }
    member_create(verwaltung=VerwaltungFactory())  # no service and no Gemeinde at all

    assert public_figures()["verwaltungen_connected"] == 1
