"""WCAG 2.1 A/AA per axe-core on the public pages and Oscar's pages, at 1280 px and 320 px."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, violations
from tests.e2e.conftest import DESKTOP, MOBILE

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
]


def _assert_no_violations(page, path, *, status=200, excluded_rules=None):
    found = {}
    for name, viewport in (("1280 px", DESKTOP), ("320 px", MOBILE)):
        page.set_viewport_size(viewport)
        response = page.goto(path)
        assert response.status == status, f"{path}: HTTP {response.status}"
        found_here = violations(page, excluded_rules=excluded_rules or {})
        if found_here:
            found[name] = found_here
    assert not found, "\n".join(
        f"axe-core meldet auf {path} bei {name}:\n{describe(found_here)}"
        for name, found_here in found.items()
    )


@pytest.mark.parametrize(("path", "status", "excluded_rules"), SERVICE_PAGES)
def test_page_with_services_has_no_wcag_21_aa_violations(
    page, demo_site, path, status, excluded_rules
):
    _assert_no_violations(page, path, status=status, excluded_rules=excluded_rules)


@pytest.mark.parametrize(("path", "status", "excluded_rules"), OTHER_PAGES)
def test_page_has_no_wcag_21_aa_violations(page, site_pages, path, status, excluded_rules):
    _assert_no_violations(page, path, status=status, excluded_rules=excluded_rules)


def test_basket_with_a_service_has_no_wcag_21_aa_violations(page, demo_site):
    page.goto("/dienste/wohngeld/")
    page.get_by_role("button", name="In den Warenkorb").click()
    page.get_by_role("link", name="Warenkorb anzeigen").wait_for()
    _assert_no_violations(page, "/shop/basket/")
    # Oscar's quantity field, which our template override labels ("Quantity" is "Menge" in German).
    expect(page.get_by_label("Menge: Wohngeld online beantragen")).to_have_value("1")
