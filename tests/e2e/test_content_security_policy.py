"""Chromium enforces the Content-Security-Policy: on the pages visitors and members use, nothing
is blocked (no inline script without nonce, no inline style), and Oscar's onload script runs."""

import pytest
from playwright.sync_api import Page

from tests.e2e.session import log_in
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import member_create

PUBLIC_PATHS = (
    "/",
    "/dienste/",
    "/dienste/?q=Wohngeld&typ=online_dienst_efa",
    "/dienste/wohngeld/",
    "/impressum/",
    "/shop/basket/",
    "/shop/accounts/login/",
    "/konto/registrieren/",
    "/dienste/gibt-es-nicht/",
)
MEMBER_PATHS = (
    "/shop/basket/",
    "/shop/checkout/",
    "/konto/meine-dienste/",
    "/shop/accounts/",
    "/shop/accounts/profile/edit/",
)


def _violations(page: Page) -> list[str]:
    """Chromium reports each blocked resource on the console."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def _visit(page: Page, paths) -> None:
    for path in paths:
        response = page.goto(path)
        assert response.status in (200, 404), path
        assert "content-security-policy" in response.headers, path


def test_public_pages_run_without_policy_violations(page: Page, demo_site):
    violations = _violations(page)

    _visit(page, PUBLIC_PATHS)

    assert violations == []


def test_member_pages_run_without_violations(page: Page, demo_site):
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    GemeindeFactory(verwaltung=amt, name="Ascheffel")
    member = member_create(verwaltung=amt)
    violations = _violations(page)
    log_in(page, member.email)
    page.goto("/dienste/wohngeld/")
    page.get_by_role("button", name="In den Warenkorb").first.click()

    _visit(page, MEMBER_PATHS)

    assert violations == []


@pytest.mark.parametrize("path", ["/cms/login/", "/shop/dashboard/login/"])
def test_staff_login_pages_work_under_their_policy(page: Page, site_pages, path):
    violations = _violations(page)

    response = page.goto(path)

    assert response.status == 200
    assert violations == []
