"""Refusing early: a service already ordered or live for every Gemeinde of each Verwaltung the
person may order for, or any service for a person who may not order, has no "In den Warenkorb"
on its profile but a sentence saying why, the same sentence on its catalogue card, and adding it
anyway is refused with that sentence, leaving the basket as it was."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop.accounts.services import membership_ensure_approved
from shop.models import Dienst
from shop.models import Membership
from shop.models import VerwaltungKind
from shop.orders.selectors import dienst_order_overviews
from shop.orders.selectors import gemeinden_for_ordering
from shop.oscar_models import Basket
from tests.factories import GemeindeFactory
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.orders import service_status_url
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

AMT_DONE = "Dieser Dienst ist für alle Gemeinden des Amtes Hüttener Berge bereits bestellt."
BUTTON = "In den Warenkorb"


def flensburg():
    stadt = VerwaltungFactory(kind=VerwaltungKind.KREISFREIE_STADT, name="Flensburg, Stadt")
    GemeindeFactory(verwaltung=stadt, name="Flensburg")
    return stadt


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def add(client, dienst):
    return client.post(reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1})


def basket_products(user) -> list[int]:
    return list(
        Basket.open.filter(owner=user)
        .values_list("lines__product_id", flat=True)
        .exclude(lines__product_id=None)
    )


# The selector


def test_nothing_is_refused_while_a_gemeinde_is_left(wohngeld, amt, member):
    _, dienst = wohngeld
    gemeinden = gemeinden_for_ordering(verwaltung=amt)
    order_place(user=member, verwaltung=amt, dienste=[dienst], gemeinden=gemeinden[:2])

    overview = dienst_order_overviews(user=member, dienst_ids=[dienst.pk])[dienst.pk]

    assert overview.refusal is None
    assert overview.states[0].label == "bestellt für 2 von 3 Gemeinden"


def test_refused_when_ordered_for_every_gemeinde(wohngeld, amt, member):
    _, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    refusal = dienst_order_overviews(user=member, dienst_ids=[dienst.pk])[dienst.pk].refusal

    assert refusal.reason == AMT_DONE
    assert refusal.link_url == service_status_url(amt, dienst)


def test_a_member_of_two_is_refused_only_when_both_have_it(wohngeld, amt, member):
    _, dienst = wohngeld
    stadt = flensburg()
    membership_ensure_approved(user=member, verwaltung=stadt, role=Membership.Role.ORDERING)
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    assert dienst_order_overviews(user=member, dienst_ids=[dienst.pk])[dienst.pk].refusal is None

    order_place(user=member, verwaltung=stadt, dienste=[dienst])
    refusal = dienst_order_overviews(user=member, dienst_ids=[dienst.pk])[dienst.pk].refusal

    assert refusal.reason == (
        "Dieser Dienst ist für alle Verwaltungen, für die Sie bestellen dürfen "
        "(„Flensburg, Stadt“, „Hüttener Berge“), bereits bestellt."
    )
    assert refusal.already_ordered


def test_a_read_only_membership_elsewhere_does_not_hold_it_back(wohngeld, amt, member):
    _, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    Membership.objects.create(
        user=member,
        verwaltung=amt_with_gemeinden(count=2),
        role=Membership.Role.READ_ONLY,
        status=Membership.Status.APPROVED,
    )

    refusal = dienst_order_overviews(user=member, dienst_ids=[dienst.pk])[dienst.pk].refusal

    assert refusal.reason == AMT_DONE


@pytest.mark.parametrize(
    ("status", "role", "says"),
    [
        (Membership.Status.REQUESTED, Membership.Role.ORDERING, "wird noch geprüft"),
        (Membership.Status.APPROVED, Membership.Role.READ_ONLY, "nur mit Leserecht"),
        (Membership.Status.REJECTED, Membership.Role.ORDERING, "abgelehnt"),
        (None, None, "noch keiner Verwaltung zugeordnet"),
    ],
)
def test_a_person_who_may_not_order_is_refused_every_service(wohngeld, amt, status, role, says):
    _, dienst = wohngeld
    person = UserFactory()
    if status:
        Membership.objects.create(user=person, verwaltung=amt, role=role, status=status)

    refusal = dienst_order_overviews(user=person, dienst_ids=[dienst.pk])[dienst.pk].refusal

    assert says in refusal.reason
    assert refusal.link_label == "Meine Verwaltungen"
    assert refusal.link_url == reverse("shop_accounts:memberships")


# The profile, the catalogue card and "In den Warenkorb"


def test_the_profile_says_why_instead_of_the_button(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    client.force_login(member)

    html = html_of(client, page.url)

    assert AMT_DONE in html
    assert f'Siehe <a class="kern-link" href="{service_status_url(amt, dienst)}">' in html
    # A list of the one Verwaltung's state would only say "bereits bestellt" again.
    assert "Stand ansehen" not in html
    assert BUTTON not in html
    assert reverse("basket:add", kwargs={"pk": dienst.product_id}) not in html


def test_a_kreis_is_refused_once_it_has_ordered_for_itself(client, wohngeld):
    page, dienst = wohngeld
    kreis = KreisFactory(name="Rendsburg-Eckernförde")
    person = member_create(verwaltung=kreis)
    client.force_login(person)
    assert BUTTON in html_of(client, page.url)

    order_place(user=person, verwaltung=kreis, dienste=[dienst])
    html = html_of(client, page.url)

    assert "Dieser Dienst ist für den Kreis Rendsburg-Eckernförde bereits bestellt." in html
    assert BUTTON not in html


def test_a_person_without_membership_is_told_where_to_apply(client, wohngeld):
    page, _ = wohngeld
    client.force_login(UserFactory())

    html = html_of(client, page.url)

    assert "Ihr Konto ist noch keiner Verwaltung zugeordnet." in html
    assert f'<a class="kern-link" href="{reverse("shop_accounts:memberships")}">' in html
    assert BUTTON not in html


def test_visitors_keep_the_button_and_sign_in_at_the_checkout(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    html = html_of(client, page.url)

    assert BUTTON in html
    assert "bereits bestellt" not in html


def test_the_catalogue_card_says_why(client, wohngeld, amt, member, page_tree):
    _, dienst = wohngeld
    other = service_page_create(parent=page_tree.service_index, title="Hundesteuer")
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    client.force_login(member)

    html = html_of(client, "/dienste/")

    assert html.count(AMT_DONE) == 1
    cards = html.split('<li class="site-service-card">')[1:]
    (wohngeld_card,) = [card for card in cards if ">Wohngeld</a>" in card]
    (other_card,) = [card for card in cards if f">{other.title}</a>" in card]
    assert AMT_DONE in wohngeld_card
    assert AMT_DONE not in other_card


def test_adding_anyway_is_refused_and_changes_nothing(client, wohngeld, amt, member):
    _, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    client.force_login(member)

    response = add(client, dienst)

    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        AMT_DONE in message and "Siehe „Stand der Umsetzung“." in message for message in shown
    )
    assert basket_products(member) == []


def test_a_person_without_membership_cannot_add(client, wohngeld):
    _, dienst = wohngeld
    person = UserFactory()
    client.force_login(person)

    response = add(client, dienst)

    shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Ihr Konto ist noch keiner Verwaltung zugeordnet." in shown
    assert basket_products(person) == []


def test_a_line_refused_since_it_was_added_stops_the_checkout_at_its_start(
    client, wohngeld, amt, member
):
    _, dienst = wohngeld
    client.force_login(member)
    add(client, dienst)
    assert basket_products(member) == [dienst.product_id]
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    basket = html_of(client, reverse("basket:summary"))
    response = client.get(reverse("checkout:index"), follow=True)

    # The line says why, with the link (the checkout's message is text only).
    assert (
        f'{AMT_DONE} Siehe <a class="kern-link" href="{service_status_url(amt, dienst)}">' in basket
    )
    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert AMT_DONE in response.content.decode()


def test_the_catalogue_costs_the_same_queries_for_2_and_24_services(client, page_tree, amt):
    """Signed in, with every service refused (the person orders for a Verwaltung that has them
    all): a fixed number of queries for the refusals of a whole page of cards."""
    member = member_create(verwaltung=amt)
    terms_of_use_publish()
    client.force_login(member)

    def grow(to: int) -> int:
        while Dienst.objects.count() < to:
            number = Dienst.objects.count()
            page = service_page_create(parent=page_tree.service_index, title=f"Dienst {number:02}")
            order_place(user=member, verwaltung=amt, dienste=[Dienst.objects.get(page_id=page.pk)])
        client.get("/dienste/")  # warm what a running server keeps per cache generation
        with CaptureQueriesContext(connection) as queries:
            html = html_of(client, "/dienste/")
        assert html.count(AMT_DONE) == min(to, 12)
        return len(queries)

    assert grow(2) == grow(24)
