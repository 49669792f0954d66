"""A member of an Amt orders two services for chosen Gemeinden, from the profile pages to the
confirmation, with the keyboard only, and finds the order under Meine Dienste; axe-core checks
every page of the way at 1280 and 320 px.

The demo services Wohngeld and Elterngeld are online services (EfA) that process personal data:
they need the Nutzungsbedingungen, the Beitrittserklärung and the AVV (so the Datenschutz contact
is required too).
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.models import Dienst
from tests.checkout import step_posts
from tests.e2e.axe import assert_accessible
from tests.e2e.checkout import checkout_walk
from tests.e2e.keyboard import tab_to
from tests.e2e.session import log_in
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

SERVICES = ("Wohngeld online beantragen", "Elterngeld digital")
GEMEINDEN = ("Ascheffel", "Borgstedt", "Brekendorf", "Bünsdorf")


@pytest.fixture
def amt(demo_site):
    return amt_with_gemeinden(name="Amt Hüttener Berge", gemeinden=GEMEINDEN)


@pytest.fixture
def member(amt):
    return member_create(verwaltung=amt, email="amt-huettener-berge@example.org")


def _press_enter_on(page: Page, text: str) -> None:
    tab_to(page, lambda focused: focused["text"] == text or focused["value"] == text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_member_orders_two_services_with_the_keyboard_only(page: Page, amt, member):
    log_in(page, member.email)
    for slug in ("wohngeld", "elterngeld"):
        page.goto(f"/dienste/{slug}/")
        _press_enter_on(page, "In den Warenkorb")
        expect(page.get_by_role("status").filter(has_text="Warenkorb hinzugefügt")).to_be_visible()

    page.goto("/shop/basket/")
    _press_enter_on(page, "Weiter zur Kasse")

    # One Verwaltung: it is chosen; the Amt's Gemeinden, all preselected. Bünsdorf is unticked
    # on the way, the contacts typed, the three agreements ticked: all with the keyboard.
    expect(page).to_have_url(re.compile(r"/shop/checkout/gemeinden/$"))
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(4)
    posts = step_posts(
        verwaltung=amt,
        dienste=list(Dienst.objects.filter(title__in=SERVICES)),
        gemeinden=list(amt.gemeinden.exclude(name="Bünsdorf")),
    )
    start = timezone.localdate() + datetime.timedelta(days=60)
    posts["schedule"]["wished_start_date"] = f"{start:%d.%m.%Y}"
    assert len(posts["agreements"]) == 1 + 3  # the versions shown, and three to accept
    checkout_walk(page, posts, check=assert_accessible, keyboard=True)

    expect(page).to_have_url(re.compile(r"/shop/checkout/preview/$"))
    review = page.get_by_role("main")
    for text in (*SERVICES, "3 Gemeinden", "Frauke Fachlich", f"{start:%d.%m.%Y}"):
        expect(review).to_contain_text(text)
    expect(review).not_to_contain_text("Bünsdorf")
    assert_accessible(page)
    _press_enter_on(page, "Kostenfrei bestellen")

    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    expect(page.get_by_role("status")).to_contain_text("Ihre Bestellung ist eingegangen")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Bestellung \d+$"))
    for service in SERVICES:
        expect(page.get_by_role("main")).to_contain_text(service)
    assert_accessible(page)

    # The order under Meine Dienste, where every member of the Amt follows it.
    number = page.get_by_role("heading", level=1).inner_text().removeprefix("Bestellung ")
    page.get_by_role("link", name=f"Bestellung {number} unter „Meine Dienste“ ansehen").click()
    expect(page).to_have_url(re.compile(rf"/konto/meine-dienste/bestellungen/{number}/$"))
    for text in (*SERVICES, "Ascheffel", "Eingegangen", "Frauke Fachlich"):
        expect(page.get_by_role("main")).to_contain_text(text)
    assert_accessible(page)
    page.goto("/konto/meine-dienste/")
    for service in SERVICES:
        expect(page.get_by_role("main")).to_contain_text(service)
    assert_accessible(page)
