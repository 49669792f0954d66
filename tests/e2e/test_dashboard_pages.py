"""Every dashboard page the fulfilment staff can reach, at 1280 and 320 px: no JavaScript error in
the console, no horizontal scrolling, no control on top of another or cut off by its card, one
menu button on a phone,
none of the webshop's words, and axe-core's WCAG 2.1 A/AA rules without violations. The menu may
link no page that is not in this list."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import FULFILMENT_GROUP
from shop.orders.messages import order_message_post
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import controls_outside_their_card
from tests.e2e.layout import horizontal_overflow
from tests.e2e.layout import overlapping_elements
from tests.e2e.layout import tables_without_scroll_hint
from tests.e2e.layout import words_broken_apart
from tests.e2e.layout import words_found
from tests.e2e.session import log_in
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

PAGES = [
    "/shop/dashboard/",
    "/shop/dashboard/orders/",
    "/shop/dashboard/orders/?start_due=on&unread=on",
    "/shop/dashboard/orders/positionen-umstellen/",
    "/shop/dashboard/orders/{number}/",
    "/umsetzung/bestellungen/{number}/rueckfragen/",
    "/shop/dashboard/comms/",
    "/shop/dashboard/comms/ROLLOUT_LIVE/",
    "/umsetzung/berichte/abdeckung/",
    "/umsetzung/e-mails/",
]
WEBSHOP_WORDS = re.compile(r"\b(Webshop|Umsatz|Kunden|Lager|Gutschein|Oscar)", re.IGNORECASE)


@pytest.fixture
def number(site_pages):
    terms_of_use_publish()
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    GemeindeFactory(verwaltung=amt, name="Ascheffel")
    member = member_create(verwaltung=amt)
    staff_create(group=FULFILMENT_GROUP, email="fulfilment@example.org", is_staff=True)
    order = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])
    order_message_post(
        details=order.ozg_details, author=member, text="Wann geht es los?", from_staff=False
    )
    return order.number


def test_every_dashboard_page_of_the_fulfilment_staff(page: Page, number):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, "fulfilment@example.org")
    paths = [path.format(number=number) for path in PAGES]

    menu = page.locator("#bottom_nav_bar a[href^='/']")
    linked = {urlsplit(href).path for href in menu.evaluate_all("els => els.map(a => a.href)")}
    assert linked <= {urlsplit(path).path for path in paths}, "Menü verlinkt ungeprüfte Seiten"

    for path in paths:
        for viewport in (DESKTOP, MOBILE):
            page.set_viewport_size(viewport)
            response = page.goto(path)
            assert response.status == 200, path
            assert not horizontal_overflow(page), f"{path} ist bei {viewport['width']} px zu breit"
            assert not overlapping_elements(page), (path, viewport, overlapping_elements(page))
            assert not controls_outside_their_card(page), (
                path,
                viewport,
                controls_outside_their_card(page),
            )
            assert not tables_without_scroll_hint(page), (path, tables_without_scroll_hint(page))
            assert not words_broken_apart(page), (path, viewport, words_broken_apart(page))
            assert not words_found(page, WEBSHOP_WORDS), (path, words_found(page, WEBSHOP_WORDS))
            assert not errors, (path, errors)
        assert_accessible(page)


def test_the_dashboard_has_one_menu_button_on_a_phone(page: Page, number):
    log_in(page, "fulfilment@example.org")
    page.set_viewport_size(MOBILE)
    page.goto(f"/shop/dashboard/orders/{number}/")

    menu_button = page.locator("button[aria-expanded]:visible")
    expect(menu_button).to_have_count(1)
    menu_button.click()
    expect(page.get_by_role("link", name="Bestellungen").first).to_be_visible()
    expect(page.get_by_role("heading", name="Bestellte Dienste")).to_have_count(1)
