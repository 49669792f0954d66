"""The municipal checkout through the HTTP layer."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.models import AcceptanceRecord, AgreementKind, ServiceCoverage
from tests.agreement_factories import published_version
from tests.checkout import basket_add, checkout_complete
from tests.order_factories import (
    amt_with_gemeinden,
    dienst_create,
    member_create,
    terms_of_use_publish,
)

Order = get_model("order", "Order")


@pytest.fixture
def avv(db):
    return published_version(
        agreement__kind=AgreementKind.DATA_PROCESSING,
        agreement__title="Auftragsverarbeitungsvertrag",
        agreement__slug="avv",
    )


@pytest.fixture
def shop(db, avv):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=3, name="Amt Beispielhausen")
    return {
        "amt": amt,
        "gemeinden": list(amt.gemeinden.order_by("name")),
        "dienst": dienst_create(title="Hundesteuer online"),
        "dienst_avv": dienst_create(title="Wohngeld online", agreement_ids=[avv.agreement_id]),
        "user": member_create(verwaltung=amt, email="bestellerin@amt.example"),
    }


def test_smoke(client, shop, django_capture_on_commit_callbacks):
    client.force_login(shop["user"])
    basket_add(client, shop["dienst"], shop["dienst_avv"])
    with django_capture_on_commit_callbacks(execute=True):
        response = checkout_complete(
            client,
            verwaltung=shop["amt"],
            dienste=[shop["dienst"], shop["dienst_avv"]],
            gemeinden=shop["gemeinden"][:2],
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.ozg_details.verwaltung == shop["amt"]
    assert ServiceCoverage.objects.count() == 4
    assert AcceptanceRecord.objects.count() == 2
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert order.number in page.content.decode()
    assert len(mail.outbox) == 1
