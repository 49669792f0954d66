"""Who may use which part of Oscar's dashboard: Fulfilment works orders and the e-mail texts;
catalogue, offers, vouchers, users, Oscar's sales statistics and reports and the rest are for
superusers, by their address only (the menu offers none of them); editors (Wagtail only) and
municipal people get 403 on every dashboard URL, anonymous people the login."""

import pytest
from django.urls import reverse

from oscar_overrides.dashboard.menu import navigation_html
from shop.accounts.services import EDITORS_GROUP
from shop.accounts.services import FULFILMENT_GROUP
from tests.factories import UserFactory
from tests.factories import add_permission
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

FULFILMENT_URLS = [
    "/shop/dashboard/",
    "/shop/dashboard/orders/",
    "/shop/dashboard/orders/{number}/",
    "/shop/dashboard/comms/",
    "/shop/dashboard/comms/ROLLOUT_LIVE/",
]
SUPERUSER_URLS = [
    "/shop/dashboard/orders/statistics/",
    "/shop/dashboard/reports/",
    "/shop/dashboard/catalogue/",
    "/shop/dashboard/catalogue/categories/",
    "/shop/dashboard/catalogue/product-types/",
    "/shop/dashboard/offers/",
    "/shop/dashboard/vouchers/",
    "/shop/dashboard/users/",
    "/shop/dashboard/partners/",
    "/shop/dashboard/pages/",
    "/shop/dashboard/ranges/",
    "/shop/dashboard/reviews/",
    "/shop/dashboard/shipping/weight-based/",
]


@pytest.fixture
def people(db):
    editor = staff_create(group=EDITORS_GROUP)
    fulfilment = staff_create(group=FULFILMENT_GROUP, is_staff=True)
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=1)
    member = member_create(verwaltung=amt)
    order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    return {
        "superuser": UserFactory(is_staff=True, is_superuser=True),
        "fulfilment": fulfilment,
        "editor": editor,
        "municipal": member,
        "staff_without_group": UserFactory(is_staff=True),
        "number": order.number,
    }


def status_of(client, people, person, url):
    if person != "anonymous":
        client.force_login(people[person])
    return client.get(url.format(number=people["number"]))


@pytest.mark.parametrize("url", FULFILMENT_URLS + SUPERUSER_URLS)
def test_superusers_reach_everything(client, people, url):
    assert status_of(client, people, "superuser", url).status_code == 200


@pytest.mark.parametrize("url", FULFILMENT_URLS)
def test_fulfilment_works_orders_and_mail_texts(client, people, url):
    assert status_of(client, people, "fulfilment", url).status_code == 200


@pytest.mark.parametrize("url", SUPERUSER_URLS)
def test_fulfilment_is_kept_out_of_the_rest(client, people, url):
    assert status_of(client, people, "fulfilment", url).status_code == 403


@pytest.mark.parametrize("person", ["editor", "municipal"])
@pytest.mark.parametrize("url", FULFILMENT_URLS + SUPERUSER_URLS)
def test_everyone_else_gets_403(client, people, person, url):
    assert status_of(client, people, person, url).status_code == 403


@pytest.mark.parametrize("url", FULFILMENT_URLS[1:] + SUPERUSER_URLS)
def test_staff_without_a_group_sees_no_orders_or_shop_data(client, people, url):
    assert status_of(client, people, "staff_without_group", url).status_code == 403


@pytest.mark.parametrize("url", FULFILMENT_URLS + SUPERUSER_URLS)
def test_anonymous_people_are_sent_to_the_login(client, people, url):
    response = status_of(client, people, "anonymous", url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize(("person", "shown"), [("fulfilment", True), ("superuser", True)])
def test_dashboard_menu_links_the_coverage_report(client, people, person, shown):
    content = status_of(client, people, person, "/shop/dashboard/").content.decode()
    assert ("/umsetzung/berichte/abdeckung/" in content) is shown
    assert "Abdeckung im Land" in content


def test_staff_without_the_permission_has_no_coverage_link(client, people):
    content = status_of(client, people, "staff_without_group", "/shop/dashboard/").content.decode()
    assert "/umsetzung/berichte/abdeckung/" not in content


def test_the_menu_follows_a_permission_granted_later(client, people):
    staff = people["staff_without_group"]
    client.force_login(staff)
    assert "/umsetzung/berichte/abdeckung/" not in client.get("/shop/dashboard/").content.decode()

    add_permission(staff, "shop.view_servicecoverage")

    assert "/umsetzung/berichte/abdeckung/" in client.get("/shop/dashboard/").content.decode()


SHOP_MENU = ["Dashboard", "Bestellungen", "E-Mail-Vorlagen", "Abdeckung im Land", "E-Mail-Versand"]
WEBSHOP_MENU = ["Katalog", "Angebote", "Gutscheine", "Kunden", "Statistiken", "Berichte", "Partner"]


@pytest.mark.parametrize(
    ("person", "menu"),
    [("fulfilment", SHOP_MENU), ("superuser", [*SHOP_MENU, "Schnittstellen", "Webhooks"])],
)
def test_the_menu_offers_the_shops_work_and_nothing_of_a_webshop(people, person, menu):
    menu_bar = navigation_html(people[person])

    for label in menu:
        assert label in menu_bar
    for label in WEBSHOP_MENU:
        assert label not in menu_bar


def test_the_menu_bar_is_written_once_per_set_of_permissions(people):
    colleague = staff_create(group=FULFILMENT_GROUP, is_staff=True, email="kollegin@land.example")

    menu_bar = navigation_html(people["fulfilment"])

    assert navigation_html(colleague) is menu_bar  # the same permissions: the same HTML
    assert navigation_html(people["superuser"]) != menu_bar
    assert 'aria-label="Menü"' in menu_bar and "Toggle" not in menu_bar


def test_the_sign_in_page_is_german_and_says_what_went_wrong(client, db):
    url = reverse("dashboard:login")
    page = client.get(url).content.decode()
    assert '<button type="submit" class="btn btn-primary btn-lg">Anmelden</button>' in page
    assert '<label for="id_username">E-Mail-Adresse</label>' in page

    response = client.post(url, {"username": "niemand@land.example", "password": "falsch"})

    assert response.status_code == 200
    assert "Bitte prüfen Sie E-Mail-Adresse und Passwort." in response.content.decode()
