"""Putting a service into Oscar's basket in the browser, the way a visitor does."""

import re

from playwright.sync_api import Page
from playwright.sync_api import expect


def basket_add_from_profile(page: Page, title: str) -> None:
    """On the open service profile: "In den Warenkorb". Oscar sends the visitor back to the
    profile and confirms there, with a link to the basket; the basket then lists the service."""
    page.get_by_role("button", name="In den Warenkorb").click()
    expect(page.get_by_role("status").filter(has_text="Warenkorb hinzugefügt")).to_contain_text(
        title
    )
    page.get_by_role("link", name="Warenkorb anzeigen").click()
    expect(page).to_have_url(re.compile(r"/shop/basket/$"))
    expect(page.get_by_role("main")).to_contain_text(title)
