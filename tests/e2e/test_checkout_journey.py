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

from tests.e2e.axe import assert_accessible
from tests.e2e.keyboard import tab_to
from tests.e2e.session import log_in
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

SERVICES = ("Wohngeld online beantragen", "Elterngeld digital")
GEMEINDEN = ("Ascheffel", "Borgstedt", "Brekendorf", "Bünsdorf")
CONTACTS = (
    ("id_fachlich_name", "Frauke Fachlich"),
    ("id_fachlich_email", "frauke.fachlich@amt-huettener-berge.example"),
    ("id_fachlich_phone", "04331 123-45"),
    ("id_technisch_name", "Tim Technik"),
    ("id_technisch_email", "tim.technik@amt-huettener-berge.example"),
    ("id_funktionspostfach_email", "buergerservice@amt-huettener-berge.example"),
    ("id_datenschutz_name", "Dana Datenschutz"),
    ("id_datenschutz_email", "datenschutz@amt-huettener-berge.example"),
)


@pytest.fixture
def member(demo_site):
    amt = amt_with_gemeinden(name="Amt Hüttener Berge", gemeinden=GEMEINDEN)
    return member_create(verwaltung=amt, email="amt-huettener-berge@example.org")


def _press_enter_on(page: Page, text: str) -> None:
    tab_to(page, lambda focused: focused["text"] == text or focused["value"] == text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_member_orders_two_services_with_the_keyboard_only(page: Page, member):
    log_in(page, member.email)
    for slug in ("wohngeld", "elterngeld"):
        page.goto(f"/dienste/{slug}/")
        _press_enter_on(page, "In den Warenkorb")
        expect(page.get_by_role("status").filter(has_text="Warenkorb hinzugefügt")).to_be_visible()

    page.goto("/shop/basket/")
    _press_enter_on(page, "Weiter zur Kasse")

    # One Verwaltung: it is chosen; the Amt's Gemeinden, all preselected.
    expect(page).to_have_url(re.compile(r"/shop/checkout/gemeinden/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Für welche Gemeinden?")
    expect(page.get_by_role("checkbox")).to_have_count(4)
    assert_accessible(page)
    tab_to(
        page,
        lambda focused: (
            focused["name"] == "gemeinden"
            and "Bünsdorf" in page.evaluate("() => document.activeElement.labels[0].innerText")
        ),
    )
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name=re.compile("Bünsdorf"))).not_to_be_checked()
    _press_enter_on(page, "Weiter zu den Ansprechpersonen")

    expect(page).to_have_url(re.compile(r"/shop/checkout/ansprechpersonen/$"))
    assert_accessible(page)
    for field_id, value in CONTACTS:
        tab_to(page, lambda focused, field_id=field_id: focused["id"] == field_id)
        page.keyboard.type(value)
    _press_enter_on(page, "Weiter zum Starttermin")

    expect(page).to_have_url(re.compile(r"/shop/checkout/termin/$"))
    assert_accessible(page)
    start = timezone.localdate() + datetime.timedelta(days=60)
    tab_to(page, lambda focused: focused["id"] == "id_wished_start_date")
    page.keyboard.type(f"{start:%d.%m.%Y}")
    _press_enter_on(page, "Weiter zu den Vereinbarungen")

    expect(page).to_have_url(re.compile(r"/shop/checkout/vereinbarungen/$"))
    checkboxes = page.get_by_role("checkbox")
    expect(checkboxes).to_have_count(3)
    assert_accessible(page)
    for _ in range(3):
        # The texts are scrollable regions on the way: they take the focus too, visibly.
        tab_to(
            page,
            lambda focused: (
                (focused["name"] or "").startswith("version_")
                and not page.evaluate("() => document.activeElement.checked")
            ),
        )
        page.keyboard.press("Space")
    for index in range(3):
        expect(checkboxes.nth(index)).to_be_checked()
    _press_enter_on(page, "Weiter zur Prüfung")

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
