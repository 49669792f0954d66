"""Responsibility through HTTP: the profile says which kinds of Verwaltung may order a service;
a person whose Verwaltungen are none of them gets a sentence saying who is responsible instead of
"In den Warenkorb", adding it anyway is refused, the checkout and placing the order refuse a
Verwaltung that is not responsible; the editors set it on the profile, publishing syncs it."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop.accounts.services import membership_ensure_approved
from shop.dienste.services import dienst_sync
from shop.models import Dienst
from shop.models import Membership
from shop.models import OrderDetails
from shop.models import VerwaltungKind
from shop.oscar_models import Basket
from shop.oscar_models import Order
from tests.checkout import basket_add
from tests.checkout import checkout_complete
from tests.checkout import step_posts
from tests.factories import KreisFactory
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

KREIS_LEVEL = [VerwaltungKind.KREIS, VerwaltungKind.KREISFREIE_STADT]
BUTTON = "In den Warenkorb"
AMT_REFUSED = (
    "„Kfz-Abmeldung“ bieten die Kreise und kreisfreien Städte an; "
    "das Amt Hüttener Berge kann diesen Dienst nicht bestellen."
)


@pytest.fixture
def kfz(page_tree):
    """A published profile "Kfz-Abmeldung" for Kreise and kreisfreie Städte, and its service."""
    terms_of_use_publish()
    page = service_page_create(
        parent=page_tree.service_index, title="Kfz-Abmeldung", responsible_kinds=KREIS_LEVEL
    )
    return page, Dienst.objects.get(page_id=page.pk)


@pytest.fixture
def kreis(amt):
    return KreisFactory(name="Rendsburg-Eckernförde")


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def basket_products(user) -> list[int]:
    return list(
        Basket.open.filter(owner=user)
        .values_list("lines__product_id", flat=True)
        .exclude(lines__product_id=None)
    )


# Publishing


def test_publishing_syncs_the_responsibility_into_the_shop(kfz):
    page, dienst = kfz

    assert dienst.responsible_kinds == ["kreisfreie_stadt", "kreis"]

    page.responsible_kinds = []
    page.save_revision().publish()

    dienst.refresh_from_db()
    assert dienst.responsible_kinds == []


def test_the_sync_refuses_an_unknown_kind_and_keeps_what_was_there(kfz):
    page, dienst = kfz

    with pytest.raises(ValidationError):
        dienst_sync(
            page_id=page.pk,
            title=page.title,
            description="",
            url="",
            availability=dienst.availability,
            ozg_ids=[],
            responsible_kinds=["bundesland"],
        )

    dienst.refresh_from_db()
    assert dienst.responsible_kinds == ["kreisfreie_stadt", "kreis"]


# The profile


def test_the_profile_says_who_is_responsible(client, kfz, wohngeld):
    kfz_html = html_of(client, kfz[0].url)
    wohngeld_html = html_of(client, wohngeld[0].url)

    assert '__key">Zuständig</dt>' in kfz_html
    assert "Kreise und kreisfreie Städte" in kfz_html
    assert "alle Verwaltungen" in wohngeld_html


def test_the_profile_refuses_an_amt_with_the_sentence(client, kfz, member):
    page, dienst = kfz
    client.force_login(member)

    html = html_of(client, page.url)

    assert AMT_REFUSED in html
    assert BUTTON not in html
    assert reverse("basket:add", kwargs={"pk": dienst.product_id}) not in html


def test_a_kreis_gets_the_button(client, kfz, kreis):
    client.force_login(member_create(verwaltung=kreis))

    html = html_of(client, kfz[0].url)

    assert BUTTON in html
    assert "bieten die Kreise" not in html


def test_a_member_of_an_amt_and_a_kreis_gets_the_button(client, kfz, member, kreis):
    membership_ensure_approved(user=member, verwaltung=kreis, role=Membership.Role.ORDERING)
    client.force_login(member)

    assert BUTTON in html_of(client, kfz[0].url)


def test_the_catalogue_card_says_who_is_responsible(client, kfz, wohngeld, member):
    client.force_login(member)

    html = html_of(client, "/dienste/")

    cards = html.split('<li class="site-service-card">')[1:]
    (kfz_card,) = [card for card in cards if ">Kfz-Abmeldung</a>" in card]
    (wohngeld_card,) = [card for card in cards if ">Wohngeld</a>" in card]
    assert AMT_REFUSED in kfz_card
    assert "bieten" not in wohngeld_card


# The basket


def test_adding_is_refused_with_the_sentence_and_the_basket_stays_as_it_was(
    client, kfz, wohngeld, member
):
    client.force_login(member)
    basket_add(client, wohngeld[1])

    response = client.post(reverse("basket:add", kwargs={"pk": kfz[1].product_id}), {"quantity": 1})

    assert response.status_code == 302
    assert AMT_REFUSED in " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert basket_products(member) == [wohngeld[1].product_id]


def test_a_line_that_became_refused_stops_the_checkout_at_its_start(client, wohngeld, member):
    page, dienst = wohngeld
    client.force_login(member)
    basket_add(client, dienst)
    page.responsible_kinds = [VerwaltungKind.KREIS]
    page.save_revision().publish()

    response = client.get(reverse("checkout:verwaltung"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert "„Wohngeld“ bieten die Kreise an" in response.content.decode()
    assert not Order.objects.exists()


# The checkout


def test_the_checkout_refuses_to_order_for_the_amt_but_orders_for_the_kreis(
    client, kfz, member, kreis
):
    membership_ensure_approved(user=member, verwaltung=kreis, role=Membership.Role.ORDERING)
    _, dienst = kfz
    client.force_login(member)
    basket_add(client, dienst)
    amt = member.memberships.get(verwaltung__kind=VerwaltungKind.AMT).verwaltung

    response = client.post(
        reverse("checkout:verwaltung"), step_posts(verwaltung=amt, dienste=[dienst])["verwaltung"]
    )

    assert response.status_code == 200
    assert AMT_REFUSED in response.content.decode()

    response = checkout_complete(client, verwaltung=kreis, dienste=[dienst])

    assert response.status_code == 302, response.content.decode()[:2000]
    details = OrderDetails.objects.get()
    assert details.verwaltung == kreis


def test_a_session_that_names_the_amt_is_sent_back_to_choose(client, kfz, member, kreis):
    membership_ensure_approved(user=member, verwaltung=kreis, role=Membership.Role.ORDERING)
    _, dienst = kfz
    client.force_login(member)
    basket_add(client, dienst)
    amt = member.memberships.get(verwaltung__kind=VerwaltungKind.AMT).verwaltung
    client.post(reverse("checkout:verwaltung"), {"verwaltung": kreis.pk})
    session = client.session
    session["checkout_data"]["ozg"]["verwaltung"] = amt.pk
    session.save()

    response = client.get(reverse("checkout:contacts"))

    assert response.status_code == 302
    assert response.url == reverse("checkout:verwaltung")
    assert not Order.objects.exists()


# Placing the order


def test_placing_the_order_refuses_a_verwaltung_that_is_not_responsible(kfz, amt, member):
    _, dienst = kfz

    with pytest.raises(ValidationError) as error:
        order_place(user=member, verwaltung=amt, dienste=[dienst])

    assert error.value.message_dict["dienste"] == [AMT_REFUSED]
    assert not Order.objects.exists()
    assert not OrderDetails.objects.exists()


def test_placing_the_order_for_the_kreis_goes_through(kfz, kreis):
    _, dienst = kfz
    person = member_create(verwaltung=kreis)

    order = order_place(user=person, verwaltung=kreis, dienste=[dienst], gemeinden=[])

    assert order.ozg_details.verwaltung == kreis
