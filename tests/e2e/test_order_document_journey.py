"""A member of an Amt orders a service, receives the confirmation with the order document (PDF)
attached, downloads the PDF from the order page under Meine Dienste and opens its print view;
axe-core checks the print view at 1280 and 320 px."""

import io
import re

import pytest
from django.core import mail
from playwright.sync_api import Page
from playwright.sync_api import expect
from pypdf import PdfReader

from shop.models import AcceptanceRecord
from shop.models import Dienst
from shop.models import Verwaltung
from tests.checkout import step_posts
from tests.e2e.axe import assert_accessible
from tests.e2e.basket import basket_add_from_profile
from tests.e2e.checkout import checkout_walk
from tests.e2e.conftest import ARTIFACTS_DIR
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.session import log_in
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

SERVICE = "Wohngeld online beantragen"
GEMEINDEN = ("Ascheffel", "Bünsdorf")


@pytest.fixture
def member(demo_site):
    amt = amt_with_gemeinden(name="Amt Hüttener Berge", gemeinden=GEMEINDEN)
    return member_create(verwaltung=amt, email="amt-huettener-berge@example.org")


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _order(page: Page) -> str:
    """Through the checkout with the mouse; returns the order's number."""
    page.goto("/dienste/wohngeld/")
    basket_add_from_profile(page, SERVICE)
    page.get_by_role("link", name="Weiter zur Kasse").click()
    expect(page).to_have_url(re.compile(r"/shop/checkout/gemeinden/$"))
    amt = Verwaltung.objects.get(name="Amt Hüttener Berge")
    dienste = list(Dienst.objects.filter(title=SERVICE))
    checkout_walk(page, step_posts(verwaltung=amt, dienste=dienste))
    page.get_by_role("button", name="Kostenfrei bestellen").click()
    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    return page.get_by_role("heading", level=1).inner_text().removeprefix("Bestellung ")


def test_member_orders_and_downloads_the_order_document(page: Page, member):
    log_in(page, member.email)

    number = _order(page)

    # The confirmation carries the PDF (made after the commit, by the task queue).
    (confirmation,) = [m for m in mail.outbox if number in m.subject]
    ((filename, attached, mimetype),) = confirmation.attachments
    assert (filename, mimetype) == (f"Bestellung-{number}.pdf", "application/pdf")

    page.get_by_role("link", name=f"Bestellung {number} unter „Meine Dienste“ ansehen").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Bestelldokument herunterladen (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"Bestellung-{number}.pdf"
    text = pdf_text(open(download.path(), "rb").read())  # noqa: SIM115
    for expected in (f"Bestellung {number}", "Amt Hüttener Berge", *GEMEINDEN, "Frauke Fachlich"):
        assert expected in text
    hashes = AcceptanceRecord.objects.values_list("text_sha256", flat=True)
    assert len(hashes) == 3
    for text_sha256 in hashes:
        assert text_sha256 in text.replace(" ", "")
        assert text_sha256 in pdf_text(attached).replace(" ", "")

    page.get_by_role("link", name="Druckansicht").click()
    expect(page).to_have_url(
        re.compile(rf"/konto/meine-dienste/bestellungen/{number}/druckansicht/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bestellung {number}")
    expect(page.get_by_role("main")).to_contain_text("Angenommene Vereinbarungen")
    assert_accessible(page)
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("1280", DESKTOP), ("320", MOBILE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=str(ARTIFACTS_DIR / f"druckansicht-{name}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="print")
    expect(page.locator(".site-footer")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS_DIR / "druckansicht-print.png"), full_page=True)
