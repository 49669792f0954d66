"""Publishing a service profile makes it an orderable zero-price Oscar product, and back."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.test.factories import OrderFactory
from oscar.test.factories import OrderLineFactory

from shop.models import Dienst
from shop.oscar_models import Product
from shop.oscar_models import StockRecord
from tests.factories import OzgLeistungFactory
from tests.pages import service_page_build
from tests.pages import service_page_create
from tests.pages import service_page_publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def catalogue(page_tree):
    return page_tree.service_index


def test_publishing_creates_a_zero_price_product_without_shipping(catalogue):
    wohngeld = OzgLeistungFactory(ozg_id="10218", name="Wohngeld")
    page = service_page_create(parent=catalogue, title="Wohngeld", ozg_leistungen=[wohngeld])

    dienst = Dienst.objects.get(page_id=page.pk)
    product = dienst.product
    assert product.title == "Wohngeld"
    assert product.is_public
    assert product.product_class.requires_shipping is False
    assert product.product_class.track_stock is False
    stockrecord = StockRecord.objects.get(product=product)
    assert stockrecord.price == Decimal("0.00")
    assert stockrecord.price_currency == "EUR"
    assert stockrecord.partner.name == "Land Schleswig-Holstein"
    assert dienst.is_orderable
    assert list(dienst.ozg_leistungen.values_list("ozg_id", flat=True)) == ["10218"]
    assert dienst.url == page.url


def test_saving_a_draft_creates_no_product(catalogue):
    page = service_page_build(parent=catalogue)
    page.save_revision()

    assert not Dienst.objects.filter(page_id=page.pk).exists()


def test_republishing_the_same_content_makes_no_new_product(catalogue):
    page = service_page_create(parent=catalogue)
    product_id = Dienst.objects.get(page_id=page.pk).product_id

    service_page_publish(page)
    service_page_publish(page)

    assert Product.objects.count() == 1
    assert StockRecord.objects.count() == 1
    assert Dienst.objects.get(page_id=page.pk).product_id == product_id


def test_republishing_changed_content_updates_the_product(catalogue):
    page = service_page_create(parent=catalogue, title="Alter Titel")
    page.title = "Neuer Titel"
    page.short_description = "Neu beschrieben."
    service_page_publish(page)

    product = Dienst.objects.get(page_id=page.pk).product
    assert (product.title, product.description) == ("Neuer Titel", "Neu beschrieben.")


def test_unpublishing_makes_it_unorderable_and_keeps_the_product(catalogue, client):
    page = service_page_create(parent=catalogue)
    page.unpublish()

    dienst = Dienst.objects.get(page_id=page.pk)
    assert not dienst.is_orderable
    assert not dienst.product.is_public
    response = client.post(
        reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1}, follow=True
    )
    assert "wird derzeit nicht angeboten" in response.content.decode()
    assert response.context["basket"].num_lines == 0


def test_in_preparation_is_not_orderable_and_the_profile_says_so(catalogue, client):
    page = service_page_create(parent=catalogue, availability="in_vorbereitung")
    dienst = Dienst.objects.get(page_id=page.pk)

    assert not dienst.is_orderable
    html = client.get(page.url).content.decode()
    assert "in Vorbereitung und kann noch nicht bestellt werden" in html
    assert "In den Warenkorb" not in html
    response = client.post(
        reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1}, follow=True
    )
    assert response.context["basket"].num_lines == 0


def test_the_order_button_puts_the_service_in_oscars_basket(catalogue, client):
    page = service_page_create(parent=catalogue, title="Kfz-Abmeldung")
    html = client.get(page.url).content.decode()
    dienst = Dienst.objects.get(page_id=page.pk)
    add_url = reverse("basket:add", kwargs={"pk": dienst.product_id})
    assert f'action="{add_url}"' in html

    response = client.post(add_url, {"quantity": 1}, follow=True)

    basket = response.context["basket"]
    assert basket.num_lines == 1
    assert basket.all_lines()[0].product_id == dienst.product_id
    assert basket.total_incl_tax == Decimal("0.00")
    assert "Kfz-Abmeldung" in client.get(reverse("basket:summary")).content.decode()


def test_deleting_a_page_without_orders_deletes_its_product(catalogue):
    page = service_page_create(parent=catalogue)
    product_id = Dienst.objects.get(page_id=page.pk).product_id

    page.delete()

    assert not Dienst.objects.exists()
    assert not Product.objects.filter(pk=product_id).exists()


def test_deleting_a_page_never_deletes_a_product_that_has_orders(catalogue):
    page = service_page_create(parent=catalogue, title="Bestellter Dienst")
    dienst = Dienst.objects.get(page_id=page.pk)
    OrderLineFactory(order=OrderFactory(), product=dienst.product)

    page.delete()

    dienst.refresh_from_db()
    assert dienst.page_id is None
    assert not dienst.is_orderable
    assert Product.objects.filter(pk=dienst.product_id, title="Bestellter Dienst").exists()


def test_a_service_is_in_the_basket_once_and_shown_as_free(catalogue, client):
    page = service_page_create(parent=catalogue, title="ePayment")
    add_url = reverse("basket:add", kwargs={"pk": Dienst.objects.get(page_id=page.pk).product_id})

    client.post(add_url, {"quantity": 1})
    again = client.post(add_url, {"quantity": 1}, follow=True)

    assert again.context["basket"].all_lines()[0].quantity == 1
    assert "liegt bereits im Warenkorb" in again.content.decode()
    two_at_once = client.post(add_url, {"quantity": 2}, follow=True)
    assert two_at_once.context["basket"].all_lines()[0].quantity == 1
    basket_html = client.get(reverse("basket:summary")).content.decode()
    assert "kostenfrei" in basket_html
    assert "0,00" not in basket_html


def test_publishing_syncs_the_agreements_the_service_requires(catalogue):
    from cms_pages.models import ServicePageAgreement
    from tests.factories import AgreementFactory
    from tests.pages import service_page_build

    avv = AgreementFactory(kind="avv", title="AVV", slug="avv")
    page = service_page_build(parent=catalogue)
    page.agreement_links = [ServicePageAgreement(agreement=avv)]
    page.save()
    service_page_publish(page)

    assert list(Dienst.objects.get(page_id=page.pk).required_agreements.all()) == [avv]
