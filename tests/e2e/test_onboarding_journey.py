"""The onboarding checklist in the browser: the Amt's member follows "Noch benötigte Angaben"
from Meine Dienste, is told about a bad e-mail address, fills every field (one per Gemeinde,
a PDF upload) and sees the data complete; the fulfilment staff see it complete on the
dashboard's order page with the history and move the service to "In Umsetzung". Each new page
passes axe-core at 320 and 1280 px and leaves a screenshot at both widths in
var/e2e-artifacts/onboarding/."""

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible_and_shot
from tests.e2e.conftest import ARTIFACTS_DIR
from tests.e2e.session import log_in
from tests.e2e.session import log_out
from tests.factories import ONBOARDING_CHECKLIST
from tests.factories import ONBOARDING_STEPS
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

SCREENSHOTS = ARTIFACTS_DIR / "onboarding"
GEMEINDEN = ("Ascheffel", "Bünsdorf")


@pytest.fixture
def order(site_pages):
    from shop.accounts.services import FULFILMENT_GROUP
    from shop.models import Membership

    terms_of_use_publish()
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    for name in GEMEINDEN:
        GemeindeFactory(verwaltung=amt, name=name)
    member = member_create(verwaltung=amt, email="amt-huettener-berge@example.org")
    member_create(verwaltung=amt, email="lesend@amt.example", role=Membership.Role.READ_ONLY)
    staff_create(group=FULFILMENT_GROUP, email="fulfilment@example.org", is_staff=True)
    dienst = dienst_create(
        title="Gewerbeanmeldung",
        onboarding_fields=ONBOARDING_CHECKLIST,
        onboarding_steps=ONBOARDING_STEPS,
    )
    return order_place(user=member, verwaltung=amt, dienste=[dienst])


def checked(page: Page, name: str) -> None:
    assert_accessible_and_shot(page, folder=SCREENSHOTS, name=name)


@pytest.mark.object_storage
def test_a_member_completes_the_checklist_and_fulfilment_starts_the_setup(
    page: Page, order, tmp_path
):
    log_in(page, "amt-huettener-berge@example.org")
    page.goto("/konto/meine-dienste/")
    checked(page, "meine-dienste")
    page.get_by_role("link", name="Noch benötigte Angaben (6)").click()
    expect(page.get_by_role("heading", name="Angaben zur Einrichtung")).to_be_visible()
    checked(page, "formular")

    page.get_by_label("Eintrag im Zuständigkeitsfinder").fill("https://zufi.example/gewerbe")
    dvdv = page.get_by_role("group", name="DVDV-Adresse")
    for number, name in enumerate(GEMEINDEN):
        dvdv.get_by_label(name).fill(f"dvdv:01058{number:03d}")
    page.get_by_label("Funktionspostfach").fill("gewerbe-at-amt")
    page.get_by_label("Fachverfahren").select_option("Migewa")
    page.get_by_role("group", name="ePayment gewünscht").get_by_label("Ja").check()
    page.get_by_label("Testtermin").fill("2027-01-15")
    pdf = tmp_path / "Anbindung.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    page.get_by_label("Anbindungsformular").set_input_files(pdf)
    page.get_by_role("button", name="Angaben speichern").click()
    expect(page.get_by_role("alert").first).to_contain_text("gültige E-Mail-Adresse")
    checked(page, "formular-fehler")

    page.get_by_label("Funktionspostfach").fill("gewerbe@amt.example")
    page.get_by_label("Anbindungsformular").set_input_files(pdf)
    page.get_by_role("button", name="Angaben speichern").click()
    expect(page.get_by_text("Ihre Angaben sind gespeichert. Alle Pflichtangaben")).to_be_visible()
    expect(
        page.get_by_role("link", name="Gespeicherte Datei herunterladen: Anbindung.pdf")
    ).to_be_visible()
    checked(page, "formular-vollstaendig")
    page.goto(f"/konto/meine-dienste/bestellungen/{order.number}/")
    expect(page.locator("body")).to_contain_text("alle Pflichtangaben vorhanden")
    checked(page, "bestellung")
    log_out(page)

    # A reading member of the Amt sees the values and the file, without a form.
    log_in(page, "lesend@amt.example")
    page.goto(f"/konto/meine-dienste/bestellungen/{order.number}/")
    page.get_by_role("link", name="Gewerbeanmeldung").last.click()
    expect(page.get_by_role("link", name="Anbindung.pdf")).to_be_visible()
    expect(page.get_by_role("button", name="Angaben speichern")).to_have_count(0)
    checked(page, "formular-lesend")
    log_out(page)

    log_in(page, "fulfilment@example.org")
    page.goto(f"/shop/dashboard/orders/{order.number}/")
    expect(page.get_by_role("cell", name="7 von 7 Pflichtangaben – vollständig")).to_be_visible()
    page.get_by_role("tab", name="Angaben der Kommune").click()
    # Bootstrap fades the tabs; axe would measure the contrast of the half-faded one.
    expect(page.locator("#lines")).to_be_hidden()
    expect(page.locator("#angaben")).to_have_css("opacity", "1")
    expect(page.locator("#angaben")).to_contain_text("gewerbe@amt.example")
    expect(page.locator("#angaben")).to_contain_text("DVDV-Eintrag prüfen")
    checked(page, "dashboard-angaben")
    page.get_by_role("tab", name="Dienste").click()
    page.get_by_label("Gewerbeanmeldung auswählen").check()
    page.get_by_label("Neuer Status").select_option("In Prüfung")
    page.get_by_role("button", name="Status ändern").click()
    expect(page.get_by_text("auf „In Prüfung“ gesetzt. Die Kommune")).to_be_visible()
    page.get_by_label("Gewerbeanmeldung auswählen").check()
    page.get_by_label("Neuer Status").select_option("In Umsetzung")
    page.get_by_role("button", name="Status ändern").click()
    expect(page.get_by_text("auf „In Umsetzung“ gesetzt. Die Kommune")).to_be_visible()
