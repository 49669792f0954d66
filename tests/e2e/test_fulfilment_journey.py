"""Fulfilment staff take an order of the Amt from Eingegangen to Live with the service's
address in Oscar's dashboard; the Amt's member then finds the address under Meine Dienste."""

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.session import log_in
from tests.e2e.session import log_out
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

SERVICE_URL = "https://amt-huettener-berge.example/wohngeld"


@pytest.fixture
def order(site_pages):

    from shop.accounts.services import FULFILMENT_GROUP

    terms_of_use_publish()
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    GemeindeFactory(verwaltung=amt, name="Ascheffel")
    GemeindeFactory(verwaltung=amt, name="Bünsdorf", latitude="54.37", longitude="9.66")
    member = member_create(verwaltung=amt, email="amt-huettener-berge@example.org")
    staff_create(group=FULFILMENT_GROUP, email="fulfilment@example.org", is_staff=True)
    return order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])


def test_fulfilment_sets_a_service_live_and_the_amt_sees_it(page: Page, order):
    log_in(page, "fulfilment@example.org")
    page.goto("/shop/dashboard/orders/")
    page.get_by_label("Suche").fill("Hüttener")
    page.get_by_role("button", name="Anwenden").click()
    page.get_by_role("link", name=order.number).click()
    expect(page.locator("body")).to_contain_text("Amt Hüttener Berge")

    for status in ("In Prüfung", "In Umsetzung", "Im Test", "Live"):
        page.get_by_label("Wohngeld").check()
        page.get_by_label("Neuer Status").select_option(status)
        if status == "Live":
            page.get_by_label("Adresse des Dienstes (bei Live, https)").fill(SERVICE_URL)
        page.get_by_role("button", name="Status ändern").click()
        expect(page.get_by_text(f"auf „{status}“ gesetzt. Die Kommune")).to_be_visible()

    expect(page.get_by_role("link", name=SERVICE_URL)).to_be_visible()

    # The coverage report counts the Amt as live for the service.
    page.goto("/umsetzung/berichte/abdeckung/")
    row = page.get_by_role("row").filter(has_text="Wohngeld").first
    expect(row).to_contain_text("1 von 2")  # of the Amt and its Kreis, the Amt is live
    assert_accessible(page)
    # Its map: a point per Gemeinde, for the services chosen in its selector.
    page.get_by_text("Dienste auswählen (alle 1)").click()
    page.get_by_label("Wohngeld").check()
    page.get_by_role("button", name="Karte zeigen").click()
    points = page.locator("figure.ozg-map circle title")
    expect(points).to_have_text(["Ascheffel: 1 von 1 Dienst live", "Bünsdorf: 1 von 1 Dienst live"])
    assert_accessible(page)
    # The home page shows the same map for all services.
    page.goto("/")
    expect(page.locator("figure.ozg-map svg[role=img] circle")).to_have_count(2)
    expect(page.get_by_role("link", name="Tabelle statt Karte")).to_be_visible()
    assert_accessible(page)

    log_out(page)
    log_in(page, "amt-huettener-berge@example.org")
    page.goto("/konto/meine-dienste/")
    expect(page.get_by_role("main")).to_contain_text("Live")
    expect(page.get_by_role("main").locator(f'a[href="{SERVICE_URL}"]')).to_be_visible()
