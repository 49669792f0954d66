"""A clerk of an Amt in the browser: the catalogue offers the services for her Verwaltung only,
the profile of a Kreis service says who offers it instead of "In den Warenkorb", and a member of
an Amt and a Kreis orders it for the Kreis; axe-core checks each page at 320 and 1280 px."""

import re

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import membership_ensure_approved
from tests.e2e.axe import assert_accessible
from tests.e2e.session import log_in
from tests.factories import KreisFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

# Kreise, kreisfreie Städte and amtsfreie Städte with a Jugendamt (demo/services.yaml).
KREIS_SERVICE = "Unterhaltsvorschuss online"
REFUSAL = re.compile(
    r"„Unterhaltsvorschuss online“ bieten die Kreise, kreisfreien Städte und amtsfreien "
    r"Gemeinden und Städte an; "
    r"das Amt Hüttener Berge kann diesen Dienst nicht bestellen\."
)


@pytest.fixture
def member(demo_site):
    amt = amt_with_gemeinden(name="Hüttener Berge", count=2)
    return member_create(verwaltung=amt, email="amt-huettener-berge@example.org")


def test_an_amt_sees_its_services_and_is_told_who_offers_the_others(page: Page, member):
    log_in(page, member.email)
    page.goto("/dienste/")
    expect(page.get_by_role("main")).to_contain_text(KREIS_SERVICE)

    page.get_by_role("link", name="Nur Dienste für meine Verwaltung zeigen").click()

    expect(page).to_have_url(re.compile(r"/dienste/\?zustaendig=amt$"))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Gezeigt werden die Dienste für Ihre Verwaltung: Hüttener Berge")
    expect(main).not_to_contain_text(KREIS_SERVICE)
    expect(main).to_contain_text("Wohngeld online beantragen")
    assert_accessible(page)

    page.goto("/dienste/unterhaltsvorschuss/")
    box = page.get_by_role("region", name="Bestellen")
    expect(box).to_contain_text(REFUSAL)
    expect(page.get_by_role("main")).to_contain_text(
        "Kreise, kreisfreie Städte und amtsfreie Gemeinden und Städte"
    )
    expect(page.get_by_role("button", name="In den Warenkorb")).to_have_count(0)
    assert_accessible(page)


def test_a_member_of_an_amt_and_a_kreis_orders_it_for_the_kreis(page: Page, member):
    kreis = KreisFactory(name="Rendsburg-Eckernförde")
    membership_ensure_approved(user=member, verwaltung=kreis)
    log_in(page, member.email)

    page.goto("/dienste/unterhaltsvorschuss/")
    page.get_by_role("button", name="In den Warenkorb").click()
    page.get_by_role("link", name="Warenkorb anzeigen").wait_for()
    page.goto("/shop/basket/")
    page.get_by_role("link", name="Weiter zur Kasse").click()

    expect(page).to_have_url(re.compile(r"/shop/checkout/verwaltung/$"))
    page.get_by_role("radio", name=re.compile("Hüttener Berge")).check()
    page.get_by_role("button", name="Weiter", exact=True).click()

    expect(page.get_by_role("main")).to_contain_text(REFUSAL)
    assert_accessible(page)
    page.get_by_role("radio", name=re.compile("Rendsburg-Eckernförde")).check()
    page.get_by_role("button", name="Weiter", exact=True).click()
    expect(page).to_have_url(re.compile(r"/shop/checkout/ansprechpersonen/$"))
