"""The Land that provides the services is the one the shop serves (SHOP_LAND)."""

import pytest
from django.test import override_settings

from shop.models import Dienst
from shop.oscar_models import StockRecord
from tests.factories import OzgLeistungFactory
from tests.pages import service_page_create

pytestmark = pytest.mark.django_db


@override_settings(SHOP_LAND="03", SHOP_LAND_NAME="Niedersachsen")
def test_the_partner_is_the_land_of_the_shop(page_tree):
    page = service_page_create(
        parent=page_tree.service_index, title="Wohngeld", ozg_leistungen=[OzgLeistungFactory()]
    )

    product = Dienst.objects.get(page_id=page.pk).product
    partner = StockRecord.objects.get(product=product).partner
    assert (partner.name, partner.code) == ("Land Niedersachsen", "land-niedersachsen")
