"""WCAG 2.1 A/AA per axe-core on the public pages and Oscar's pages, at 1280 px and 320 px.

The matrix is completed by the journeys, which run axe on the pages they pass: the checkout steps,
the review, the confirmation, an order and Meine Dienste (test_checkout_journey.py), the
registration form with and without errors, its "check your e-mail" and result pages and Meine
Verwaltungen (test_registration_journey.py), the coverage report (test_fulfilment_journey.py).
Here: every other page, the Verwaltung step and each checkout step answering with errors.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import membership_ensure_approved
from shop.models import Dienst
from shop.models import VerwaltungKind
from shop.oscar_models import Order
from tests.checkout import step_posts
from tests.e2e.axe import assert_accessible
from tests.e2e.checkout import checkout_walk
from tests.e2e.checkout import step_continue
from tests.e2e.checkout import step_fill
from tests.e2e.checkout import step_shown
from tests.e2e.session import log_in
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish

# path, expected HTTP status, axe rules to leave out on that page only (each with its reason).
# Pages that show services, checked with the demo services:
SERVICE_PAGES = [
    pytest.param("/", 200, {}, id="home"),
    pytest.param("/dienste/", 200, {}, id="catalogue"),
    pytest.param("/dienste/?q=Wohngeld&typ=online_dienst_efa", 200, {}, id="catalogue-filtered"),
    pytest.param("/dienste/?q=gibtesnicht", 200, {}, id="catalogue-empty"),
    pytest.param("/dienste/wohngeld/", 200, {}, id="service-profile"),
]
# Pages that show none (cheaper: only the page tree is built):
OTHER_PAGES = [
    pytest.param("/impressum/", 200, {}, id="impressum"),
    pytest.param("/datenschutz/", 200, {}, id="datenschutz"),
    pytest.param("/barrierefreiheit/", 200, {}, id="barrierefreiheit"),
    pytest.param("/gibt-es-nicht/", 404, {}, id="not-found"),
    pytest.param("/shop/accounts/login/", 200, {}, id="oscar-login"),
    pytest.param("/shop/basket/", 200, {}, id="oscar-basket"),
    pytest.param("/konto/registrieren/", 200, {}, id="registration"),
    pytest.param("/neuigkeiten/", 200, {}, id="news"),
    pytest.param("/hilfe/", 200, {}, id="help"),
]


@pytest.mark.parametrize(("path", "status", "excluded_rules"), SERVICE_PAGES)
def test_page_with_services_has_no_wcag_21_aa_violations(
    page, demo_site, path, status, excluded_rules
):
    assert_accessible(page, path=path, status=status, excluded_rules=excluded_rules)


@pytest.mark.parametrize(("path", "status", "excluded_rules"), OTHER_PAGES)
def test_page_has_no_wcag_21_aa_violations(page, site_pages, path, status, excluded_rules):
    assert_accessible(page, path=path, status=status, excluded_rules=excluded_rules)


def test_basket_with_a_service_has_no_wcag_21_aa_violations(page, demo_site):
    page.goto("/dienste/wohngeld/")
    page.get_by_role("button", name="In den Warenkorb").click()
    page.get_by_role("link", name="Warenkorb anzeigen").wait_for()
    assert_accessible(page, path="/shop/basket/")
    # No quantity field: each line has a button that names what it removes.
    expect(page.get_by_role("button", name="Entfernen: Wohngeld online beantragen")).to_be_visible()


@pytest.fixture
def amt(demo_site):
    return amt_with_gemeinden(name="Amt Hüttener Berge", count=2)


@pytest.fixture
def member_of_two(amt):
    """A member of an Amt and of a kreisfreie Stadt: the checkout asks for which one."""
    stadt = VerwaltungFactory(kind=VerwaltungKind.KREISFREIE_STADT, name="Flensburg")
    member = member_create(verwaltung=amt, email="amt-huettener-berge@example.org")
    membership_ensure_approved(user=member, verwaltung=stadt)
    return member


def _expect_errors(page: Page) -> None:
    """The error summary links to each field (or group) it names; following the first link
    puts the focus into that field."""
    summary = page.get_by_role("alert").filter(has_text="Bitte prüfen Sie Ihre Angaben")
    links = summary.get_by_role("link")
    expect(links.first).to_be_visible()
    for link in links.all():
        target = link.get_attribute("href")
        assert re.fullmatch(r"#[\w-]+", target), f"{link.inner_text()}: {target}"
        expect(page.locator(target), f"{link.inner_text()}: {target}").to_have_count(1)
    target = links.first.get_attribute("href")
    links.first.click()
    assert page.evaluate(
        "(target) => document.querySelector(target).contains(document.activeElement)", target
    ), f"Fokus nicht in {target}"


def test_checkout_steps_and_their_error_messages_have_no_wcag_21_aa_violations(
    page, amt, member_of_two
):
    """Each step as it first shows and as it answers a submission with nothing entered,
    including the Verwaltung step that only members of several Verwaltungen see."""
    log_in(page, member_of_two.email)
    page.goto("/dienste/wohngeld/")
    page.get_by_role("button", name="In den Warenkorb").click()
    expect(page.get_by_role("status").filter(has_text="Warenkorb hinzugefügt")).to_be_visible()
    page.goto("/shop/checkout/")
    wohngeld = Dienst.objects.get(title="Wohngeld online beantragen")
    posts = step_posts(verwaltung=amt, dienste=[wohngeld])

    def with_nothing_entered(page: Page) -> None:
        assert_accessible(page)
        nothing = {
            field: [] if isinstance(value, list) else ""
            for field, value in posts[step_shown(page).name].items()
        }
        step_fill(page, nothing)
        step_continue(page)
        _expect_errors(page)
        assert_accessible(page)

    expect(page).to_have_url(re.compile(r"/shop/checkout/verwaltung/$"))
    checkout_walk(page, posts, check=with_nothing_entered)
    assert not Order.objects.exists()


@pytest.fixture
def member_with_order(site_pages):
    terms_of_use_publish()
    amt = amt_with_gemeinden(name="Amt Hüttener Berge", count=2)
    member = member_create(verwaltung=amt, email="amt-huettener-berge@example.org")
    dienst = dienst_create(title="Wohngeld online beantragen")
    order_place(user=member, verwaltung=amt, dienste=[dienst])
    return member, amt, dienst


def test_a_service_under_meine_dienste_has_no_wcag_21_aa_violations(page, member_with_order):
    member, amt, dienst = member_with_order
    log_in(page, member.email)
    path = reverse("shop_orders:service", kwargs={"verwaltung_id": amt.pk, "dienst_id": dienst.pk})
    assert_accessible(page, path=path)
    expect(page.get_by_role("main")).to_contain_text("Wohngeld online beantragen")


def test_meine_dienste_without_a_membership_has_no_wcag_21_aa_violations(page, site_pages):
    """The explanation a signed-in person without an approved membership gets."""
    log_in(page, UserFactory(email="neu@kommune.example").email)
    assert_accessible(page, path="/konto/meine-dienste/")
    expect(page.get_by_role("status")).to_contain_text("noch keiner Verwaltung zugeordnet")
