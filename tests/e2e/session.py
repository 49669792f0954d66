"""Signing in and out in the browser, the way people do it: municipal and fulfilment staff through
Oscar's login at /shop/accounts/login/, editors through Wagtail's at /cms/login/."""

import re

from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD


def log_in(page: Page, email: str, password: str = DEFAULT_PASSWORD) -> None:
    """Sign in to the shop. The page it leads to offers to sign out: the site's header (a link)
    or, for fulfilment staff, Oscar's dashboard (a button)."""
    page.goto("/shop/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    log_out_control = page.get_by_role("link", name="Abmelden").or_(
        page.get_by_role("button", name="Abmelden")
    )
    expect(log_out_control).to_be_visible()


def log_in_to_cms(page: Page, email: str, password: str = DEFAULT_PASSWORD) -> None:
    """Sign in to Wagtail's admin; its dashboard greets the person."""
    page.goto("/cms/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    # Wagtail 8 labels this field with Django's default, the untranslated field name "Password".
    page.get_by_label(re.compile(r"Passw(ort|ord)")).fill(password)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/cms/$"))


def log_out(page: Page) -> None:
    """Forget the session (and Oscar's basket cookie), as closing the browser would."""
    page.context.clear_cookies()
