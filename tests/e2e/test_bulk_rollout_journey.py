"""Fulfilment staff move a batch live: Wohngeld Im Test in Kreis Pinneberg, with an address per
line, through the preview and its confirmation; axe on both steps at 320 and 1280 px."""

import os

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import FULFILMENT_GROUP
from shop.models import OrderedService
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.session import log_in
from tests.factories import KreisFactory
from tests.factories import dienst_create
from tests.factories import orders_in_status
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "")


@pytest.fixture
def batch(site_pages):
    terms_of_use_publish()
    staff_create(group=FULFILMENT_GROUP, email="fulfilment@example.org", is_staff=True)
    pinneberg = KreisFactory(name="Kreis Pinneberg")
    wohngeld = dienst_create(title="Wohngeld")
    orders_in_status(count=1, dienste=[wohngeld], kreis=KreisFactory(), status="Im Test")
    return orders_in_status(count=3, dienste=[wohngeld], kreis=pinneberg, status="Im Test")


def shoot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        for width, viewport in (("1280", DESKTOP), ("320", MOBILE)):
            page.set_viewport_size(viewport)
            page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
        page.set_viewport_size(DESKTOP)


def test_fulfilment_moves_a_batch_live_with_addresses(page: Page, batch):
    log_in(page, "fulfilment@example.org")
    page.goto("/shop/dashboard/orders/")
    page.get_by_role("link", name="Mehrere Positionen umstellen").click()
    page.get_by_label("Dienst").select_option(label="Wohngeld")
    page.get_by_label("Aktueller Status").select_option("Im Test")
    page.get_by_label("Kreis").select_option(label="Kreis Pinneberg (Kreis)")
    page.get_by_role("button", name="Anwenden").click()
    expect(page.get_by_role("heading", name="3 passende Positionen")).to_be_visible()
    assert_accessible(page)
    shoot(page, "bulk-list")

    for order in batch:
        name = order.ozg_details.verwaltung.name
        page.get_by_label(f"Adresse für {name}, Wohngeld").fill(
            f"https://{order.number}.example/wohngeld"
        )
    page.get_by_label("Neuer Status").select_option("Live")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.get_by_role("heading", name="Vorschau: 3 Positionen auf „Live“")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text(f"https://{batch[0].number}.example/")
    assert_accessible(page)
    shoot(page, "bulk-preview")

    page.get_by_role("button", name="Jetzt umstellen").click()
    expect(page.get_by_text("3 Positionen auf „Live“ gesetzt.")).to_be_visible()
    assert sorted(
        OrderedService.objects.exclude(service_url="").values_list("service_url", flat=True)
    ) == sorted(f"https://{order.number}.example/wohngeld" for order in batch)
