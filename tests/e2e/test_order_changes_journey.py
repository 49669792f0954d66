"""Changes after ordering in the browser: the Amt's member corrects a contact and asks to withdraw
a service; the fulfilment staff see the old contact and confirm the withdrawal in the dashboard;
the member then sees the service as Storniert. Each new page passes axe-core at 320 and 1280 px
and leaves a screenshot at both widths in var/e2e-artifacts/order-changes/."""

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible_and_shot
from tests.e2e.conftest import ARTIFACTS_DIR
from tests.e2e.session import log_in
from tests.e2e.session import log_out
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

SCREENSHOTS = ARTIFACTS_DIR / "order-changes"


@pytest.fixture
def order(site_pages):
    from shop.accounts.services import FULFILMENT_GROUP

    terms_of_use_publish()
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    GemeindeFactory(verwaltung=amt, name="Ascheffel")
    member = member_create(verwaltung=amt, email="amt-huettener-berge@example.org")
    staff_create(group=FULFILMENT_GROUP, email="fulfilment@example.org", is_staff=True)
    return order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(title="Wohngeld"), dienst_create(title="Elterngeld")],
    )


def checked(page: Page, name: str) -> None:
    assert_accessible_and_shot(page, folder=SCREENSHOTS, name=name)


def test_a_member_corrects_a_contact_and_withdraws_a_service_fulfilment_confirms(page: Page, order):
    log_in(page, "amt-huettener-berge@example.org")
    page.goto(f"/konto/meine-dienste/bestellungen/{order.number}/")
    page.get_by_role("link", name="Ansprechpersonen ändern").click()
    checked(page, "ansprechpersonen")
    technical = page.get_by_role("group", name="Technische Ansprechperson")
    technical.get_by_label("E-Mail-Adresse").fill("kein-at")
    page.get_by_role("button", name="Änderungen speichern").click()
    expect(page.get_by_role("alert").first).to_contain_text("gültige E-Mail-Adresse")
    checked(page, "ansprechpersonen-fehler")
    technical.get_by_label("E-Mail-Adresse").fill("it-neu@amt.example")
    page.get_by_role("button", name="Änderungen speichern").click()
    expect(page.get_by_text("Die Ansprechpersonen sind geändert.")).to_be_visible()
    expect(page.get_by_role("cell", name="it-neu@amt.example")).to_be_visible()

    page.get_by_role("link", name="„Wohngeld“ stornieren lassen").click()
    checked(page, "stornierung")
    page.get_by_label("Begründung").fill("Der Dienst wurde doppelt bestellt.")
    page.get_by_role("button", name="Stornierung beantragen").click()
    expect(page.get_by_text("ist beim Umsetzungsteam")).to_be_visible()
    expect(page.locator("#stornierung")).to_contain_text("offen")
    checked(page, "bestellung")
    log_out(page)

    log_in(page, "fulfilment@example.org")
    page.goto(f"/shop/dashboard/orders/{order.number}/")
    expect(page.get_by_text("Frühere Angaben der Ansprechpersonen")).to_be_visible()
    expect(page.locator("body")).to_contain_text("technik@amt.example")
    expect(page.locator("body")).to_contain_text("Der Dienst wurde doppelt bestellt.")
    checked(page, "dashboard-bestellung")
    page.get_by_role("button", name="Stornierung bestätigen").click()
    expect(page.get_by_text("auf Antrag der Verwaltung bestätigt. Die Kommune")).to_be_visible()
    log_out(page)

    log_in(page, "amt-huettener-berge@example.org")
    page.goto(f"/konto/meine-dienste/bestellungen/{order.number}/")
    expect(page.locator("#stornierung")).to_contain_text("„Wohngeld“ ist bereits „Storniert“.")
    expect(page.locator("#stornierung")).to_contain_text("bestätigt")
