"""WCAG 2.1 A/AA per axe-core on the public pages and Oscar's pages, at 1280 px and 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, MOBILE

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

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
]

_axe = Axe()


def _violations(page, *, excluded_rules: dict[str, str]) -> list[dict]:
    options = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in excluded_rules},
    }
    return _axe.run(page, options=options).response["violations"]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            # The first line of axe's summary says what exactly fails (e.g. the contrast ratio).
            summary = (node.get("failureSummary") or "").splitlines()[1:2]
            detail = f" – {summary[0].strip()}" if summary else ""
            lines.append(f"    {' '.join(map(str, node['target']))}{detail}")
    return "\n".join(lines)


def _assert_no_violations(page, path, *, status=200, excluded_rules=None):
    found = {}
    for name, viewport in (("1280 px", DESKTOP), ("320 px", MOBILE)):
        page.set_viewport_size(viewport)
        response = page.goto(path)
        assert response.status == status, f"{path}: HTTP {response.status}"
        violations = _violations(page, excluded_rules=excluded_rules or {})
        if violations:
            found[name] = violations
    assert not found, "\n".join(
        f"axe-core meldet auf {path} bei {name}:\n{_describe(violations)}"
        for name, violations in found.items()
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
