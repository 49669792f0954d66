"""A service already ordered or live for a Gemeinde (a Kreis: for itself) says so on its profile
and in the basket ("bereits bestellt", "bestellt für 2 von 3 Gemeinden"), per Verwaltung of the
person, with a link to its status. Once nothing is left to order, the profile refuses it
(tests/integration/orders/test_order_refusal.py)."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_class

from shop.models import Membership
from shop.models import OrderedService
from shop.models import ServiceCoverage
from shop.orders.selectors import gemeinden_for_ordering
from shop.oscar_models import Basket
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.orders import service_status_url

Selector = get_class("partner.strategy", "Selector")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

COMPLETE_TEXT = "bereits bestellt. Siehe <a"
USUAL_TEXT = "Sie legen den Dienst in den Warenkorb"


def profile_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def assert_profile_shows_nothing_ordered(client, page, *, verwaltung, dienst) -> str:
    """The profile as the client sees it shows the usual text, no order and no status link."""
    html = profile_html(client, page)
    assert "bereits bestellt" not in html
    assert service_status_url(verwaltung, dienst) not in html
    assert USUAL_TEXT in html
    return html


def basket_put(user, *dienste) -> None:
    """Lines as they were put in the person's basket before the services were ordered (now
    "In den Warenkorb" would refuse them)."""
    basket, _ = Basket.open.get_or_create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for dienst in dienste:
        basket.add_product(dienst.product, 1)


def basket_add(client, *dienste) -> None:
    for dienst in dienste:
        response = client.post(
            reverse("basket:add", kwargs={"pk": dienst.product_id}), {"quantity": 1}
        )
        assert response.status_code == 302


def basket_html(client) -> str:
    response = client.get(reverse("basket:summary"))
    assert response.status_code == 200
    return response.content.decode()


def order_cancel(order) -> None:
    """As the fulfilment does when it rejects or cancels a service."""
    services = OrderedService.objects.filter(details__order=order)
    ServiceCoverage.objects.filter(ordered_service__in=services).update(is_active=False)
    services.update(is_active=False)


# The profile


def test_profile_says_bereits_bestellt_with_a_link_to_its_status(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    client.force_login(member)

    html = profile_html(client, page)

    # Nothing is left to order for the only Verwaltung the person orders for: the text says so,
    # instead of the button, and leads to the status (no second box saying "bereits bestellt").
    assert (
        f'bereits bestellt. Siehe <a class="kern-link" href="{service_status_url(amt, dienst)}">'
        in html
    )
    assert "<strong>Hüttener Berge</strong>: bereits bestellt" not in html
    assert COMPLETE_TEXT in html
    assert USUAL_TEXT not in html
    assert "In den Warenkorb" not in html


def test_profile_says_for_how_many_gemeinden_when_partly_ordered(client, wohngeld, amt, member):
    page, dienst = wohngeld
    gemeinden = gemeinden_for_ordering(verwaltung=amt)
    order_place(user=member, verwaltung=amt, dienste=[dienst], gemeinden=gemeinden[:2])
    client.force_login(member)

    html = profile_html(client, page)

    assert "<strong>Hüttener Berge</strong>: bestellt für 2 von 3 Gemeinden" in html
    assert f'href="{service_status_url(amt, dienst)}"' in html
    assert USUAL_TEXT in html
    assert COMPLETE_TEXT not in html
    assert "In den Warenkorb" in html


def test_a_kreis_order_says_bereits_bestellt(client, wohngeld):
    page, dienst = wohngeld
    kreis = KreisFactory(name="Kreis Rendsburg-Eckernförde")
    person = member_create(verwaltung=kreis)
    order_place(user=person, verwaltung=kreis, dienste=[dienst])
    client.force_login(person)

    html = profile_html(client, page)

    assert f'Siehe <a class="kern-link" href="{service_status_url(kreis, dienst)}">' in html
    assert COMPLETE_TEXT in html


def test_nothing_for_anonymous_visitors(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])

    assert_profile_shows_nothing_ordered(client, page, verwaltung=amt, dienst=dienst)


def test_nothing_for_a_member_of_another_verwaltung(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    other = member_create(verwaltung=amt_with_gemeinden(count=2, name="Amt Dänischer Wohld"))
    client.force_login(other)

    html = assert_profile_shows_nothing_ordered(client, page, verwaltung=amt, dienst=dienst)

    assert "Hüttener Berge" not in html


def test_a_rejected_or_cancelled_order_no_longer_counts(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order = order_place(user=member, verwaltung=amt, dienste=[dienst])
    order_cancel(order)
    client.force_login(member)

    assert_profile_shows_nothing_ordered(client, page, verwaltung=amt, dienst=dienst)


def test_a_gemeinde_retired_since_the_order_no_longer_counts(client, wohngeld, amt, member):
    page, dienst = wohngeld
    gemeinden = gemeinden_for_ordering(verwaltung=amt)
    order_place(user=member, verwaltung=amt, dienste=[dienst], gemeinden=gemeinden[:2])
    gemeinden[0].active = False
    gemeinden[0].save()
    client.force_login(member)

    html = profile_html(client, page)

    assert "<strong>Hüttener Berge</strong>: bestellt für 1 von 2 Gemeinden" in html


def test_complete_for_one_verwaltung_but_not_the_other_keeps_the_usual_text(
    client, wohngeld, amt, member
):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    second = amt_with_gemeinden(count=2, name="Amt Dänischer Wohld")
    Membership.objects.create(
        user=member,
        verwaltung=second,
        role=Membership.Role.ORDERING,
        status=Membership.Status.APPROVED,
    )
    client.force_login(member)

    html = profile_html(client, page)

    assert "<strong>Hüttener Berge</strong>: bereits bestellt" in html
    assert "Amt Dänischer Wohld</strong>" not in html
    assert USUAL_TEXT in html
    assert COMPLETE_TEXT not in html


def test_a_read_only_member_sees_the_state_but_not_that_nothing_is_left_to_order(
    client, wohngeld, amt, member
):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    reader = member_create(verwaltung=amt, role=Membership.Role.READ_ONLY)
    client.force_login(reader)

    html = profile_html(client, page)

    assert "<strong>Hüttener Berge</strong>: bereits bestellt" in html
    assert COMPLETE_TEXT not in html


def test_profile_queries_do_not_grow_with_the_number_of_orders(client, wohngeld, amt, member):
    page, dienst = wohngeld
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    others = [amt_with_gemeinden(count=2) for _ in range(4)]
    client.force_login(member)
    profile_html(client, page)  # warm caches (site root, page tree)

    with CaptureQueriesContext(connection) as one_order:
        profile_html(client, page)
    for other in others:
        Membership.objects.create(
            user=member,
            verwaltung=other,
            role=Membership.Role.ORDERING,
            status=Membership.Status.APPROVED,
        )
        order_place(user=member, verwaltung=other, dienste=[dienst])
    profile_html(client, page)  # placing orders cleared the cached parts of public pages
    with CaptureQueriesContext(connection) as five_orders:
        html = profile_html(client, page)

    assert html.count("</strong>: bereits bestellt") == 5
    assert len(five_orders) == len(one_order), [q["sql"] for q in five_orders.captured_queries]


# The basket


def test_basket_shows_each_lines_state_under_its_title(client, amt, member):
    terms_of_use_publish()
    ordered = dienst_create(title="Kfz-Abmeldung")
    partly = dienst_create(title="Wohnsitzanmeldung")
    fresh = dienst_create(title="Hundesteuer")
    order_place(user=member, verwaltung=amt, dienste=[ordered])
    gemeinden = gemeinden_for_ordering(verwaltung=amt)
    order_place(user=member, verwaltung=amt, dienste=[partly], gemeinden=gemeinden[:2])
    client.force_login(member)
    basket_put(member, ordered, partly, fresh)

    html = basket_html(client)

    # The ordered line says once that it is ordered and leads to its status, as on the profile
    # (no second line saying "bereits bestellt" beside the refusal).
    assert (
        f'bereits bestellt. Siehe <a class="kern-link" href="{service_status_url(amt, ordered)}">'
        in html
    )
    assert "<strong>Hüttener Berge</strong>: bereits bestellt" not in html
    assert html.count(f'href="{service_status_url(amt, ordered)}"') == 1
    assert "<strong>Hüttener Berge</strong>: bestellt für 2 von 3 Gemeinden" in html
    assert f'href="{service_status_url(amt, partly)}"' in html
    assert service_status_url(amt, fresh) not in html
    assert ": Wohnsitzanmeldung für Hüttener Berge" in html
    # Under the title of its own line.
    assert html.index("Kfz-Abmeldung</a></h2>") < html.index(service_status_url(amt, ordered))
    assert html.index(service_status_url(amt, ordered)) < html.index("Wohnsitzanmeldung</a></h2>")


def test_basket_lines_link_to_the_service_profiles(client, member):
    dienste = [dienst_create(title="Kfz-Abmeldung"), dienst_create(title="Hundesteuer")]
    client.force_login(member)
    basket_add(client, *dienste)

    html = basket_html(client)

    for dienst in dienste:
        assert f'<a class="kern-link" href="{dienst.url}">{dienst.title}</a></h2>' in html
    assert not re.search(r'href="/shop/catalogue/[^"]+_\d+/"', html), "Oscar's product page"


def test_basket_shows_nothing_to_anonymous_visitors(client, amt, member):
    terms_of_use_publish()
    dienst = dienst_create(title="Kfz-Abmeldung")
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    basket_add(client, dienst)

    html = basket_html(client)

    assert "Kfz-Abmeldung" in html
    assert "bereits bestellt" not in html


def basket_query_counts(client, user, dienste) -> tuple[int, int, str]:
    """The basket page's queries with the first service, then with all of them, and its HTML."""
    client.force_login(user)
    basket_put(user, dienste[0])
    basket_html(client)  # warm caches
    with CaptureQueriesContext(connection) as one_line:
        basket_html(client)
    basket_put(user, *dienste[1:])
    with CaptureQueriesContext(connection) as all_lines:
        html = basket_html(client)
    return len(one_line), len(all_lines), html


def test_basket_page_costs_the_same_queries_for_one_and_five_lines(client, amt, member):
    terms_of_use_publish()
    dienste = [dienst_create(title=f"Dienst {number}") for number in range(5)]
    order_place(user=member, verwaltung=amt, dienste=dienste)

    member_one, member_five, html = basket_query_counts(client, member, dienste)
    outsider_one, outsider_five, _ = basket_query_counts(client, UserFactory(), dienste)

    assert html.count("bereits bestellt. Siehe") == 5
    assert member_five == member_one
    assert outsider_five == outsider_one


def test_the_basket_tag_costs_three_queries_however_many_lines(rf, amt, member):
    terms_of_use_publish()
    dienste = [dienst_create() for _ in range(5)]
    order_place(user=member, verwaltung=amt, dienste=dienste)
    request = rf.get("/")
    request.user = member
    template = engines["django"].from_string(
        "{% load shop_orders %}{% dienst_order_states_for_basket basket as states %}"
        "{% for line in lines %}{% dienst_order_state_for_line states line %}{% endfor %}"
    )
    basket = Basket.objects.create(owner=member)
    basket.strategy = Selector().strategy(user=member)

    counts = []
    for added in (dienste[:1], dienste[1:]):
        for dienst in added:
            basket.add_product(dienst.product, 1)
        lines = list(basket.lines.select_related("product"))
        with CaptureQueriesContext(connection) as queries:
            html = template.render({"request": request, "basket": basket, "lines": lines})
        counts.append(len(queries))
        assert html.count("bereits bestellt") == len(lines)

    assert counts == [3, 3]


# The tags


def test_the_tags_make_no_queries_for_anonymous_visitors(wohngeld):
    _, dienst = wohngeld
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    template = engines["django"].from_string(
        "{% load shop_orders %}"
        "{% dienst_order_overview dienst as overview %}"
        "{% dienst_order_states_for dienst.pk as states %}"
        "{% dienst_order_state overview.states 'Wohngeld' alert=True %}[{{ states|length }}]"
    )

    with CaptureQueriesContext(connection) as queries:
        html = template.render({"dienst": dienst}, request)

    assert len(queries) == 0
    assert html.strip() == "[0]"


def test_the_states_for_several_services_cost_two_queries(rf, amt, member):
    terms_of_use_publish()
    dienste = [dienst_create() for _ in range(3)]
    order_place(user=member, verwaltung=amt, dienste=dienste[:2])
    request = rf.get("/")
    request.user = member
    template = engines["django"].from_string(
        "{% load shop_orders %}{% dienst_order_states_for a b c as states %}"
        "{% for dienst_id, found in states.items %}{{ dienst_id }}:{{ found.0.label }};{% endfor %}"
    )

    with CaptureQueriesContext(connection) as queries:
        html = template.render(
            {"request": request, "a": dienste[0].pk, "b": dienste[1].pk, "c": dienste[2].pk}
        )

    assert len(queries) == 2
    assert sorted(html.split(";")[:-1]) == sorted(
        f"{dienst.pk}:bereits bestellt" for dienst in dienste[:2]
    )
