"""The issue's "done" journey on the demo data, through the HTTP layer: the Amt Hüttener Berge
orders two services for three of its Gemeinden; the Stadt Flensburg orders one for itself and
sees nothing of the Amt's order."""

import pytest
from django.core import mail
from django.urls import reverse

from ozg_site.demo import DEMO_PASSWORD
from ozg_site.demo import demo_accounts_ensure
from ozg_site.demo import demo_site_ensure
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import ServiceCoverage
from shop.models import User
from shop.models import Verwaltung
from shop.oscar_models import Order
from tests.checkout import basket_add
from tests.checkout import checkout_complete

AMT_EMAIL = "amt-huettener-berge@example.org"
FLENSBURG_EMAIL = "flensburg@example.org"


@pytest.fixture
def demo(db):
    demo_site_ensure()
    demo_accounts_ensure(password=DEMO_PASSWORD)


def dienste(*slugs: str) -> list[Dienst]:
    by_url = {dienst.url.strip("/").rsplit("/", 1)[-1]: dienst for dienst in Dienst.objects.all()}
    return [by_url[slug] for slug in slugs]


def test_amt_and_flensburg_order_and_see_only_their_own(
    client, demo, django_capture_on_commit_callbacks
):
    amt = Verwaltung.objects.get(regional_key="010585890")
    gemeinden = list(Gemeinde.objects.filter(verwaltung=amt).order_by("name")[:3])
    wohngeld, elterngeld = dienste("wohngeld", "elterngeld")

    client.force_login(User.objects.get(email=AMT_EMAIL))
    basket_add(client, wohngeld, elterngeld)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client, verwaltung=amt, dienste=[wohngeld, elterngeld], gemeinden=gemeinden
        )
    assert response["Location"] == reverse("checkout:thank-you")
    amt_order = Order.objects.get(user__email=AMT_EMAIL)
    assert {row.gemeinde for row in ServiceCoverage.objects.filter(verwaltung=amt)} == set(
        gemeinden
    )
    assert ServiceCoverage.objects.filter(verwaltung=amt).count() == 6
    (message,) = mail.outbox
    assert AMT_EMAIL in message.to
    assert amt_order.number in message.subject
    overview = client.get(reverse("shop_orders:overview")).content.decode()
    assert wohngeld.title in overview and elterngeld.title in overview
    assert amt_order.number in overview

    client.force_login(User.objects.get(email=FLENSBURG_EMAIL))
    flensburg = Verwaltung.objects.get(regional_key="01001")
    overview = client.get(reverse("shop_orders:overview")).content.decode()
    assert amt_order.number not in overview and wohngeld.title not in overview
    order_url = reverse("shop_orders:order", kwargs={"number": amt_order.number})
    assert client.get(order_url).status_code == 404
    assert client.get(f"/api/konto/bestellungen/{amt_order.number}").status_code == 404

    # Flensburg is a kreisfreie Stadt: it orders for itself, without choosing Gemeinden.
    basket_add(client, wohngeld)
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(client, verwaltung=flensburg, dienste=[wohngeld])
    assert response["Location"] == reverse("checkout:thank-you")
    (row,) = ServiceCoverage.objects.filter(verwaltung=flensburg)
    assert row.gemeinde.name == "Flensburg, Stadt"
    assert Order.objects.count() == 2
