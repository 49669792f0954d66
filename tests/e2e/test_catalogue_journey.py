"""A visitor finds a service in the catalogue and puts it into Oscar's basket; the same search and
filter once more with the keyboard only.

The demo content (tests/e2e/conftest.py) has 6 published services; "beantragen" finds 4 of them,
3 of those are online services (EfA).
"""

import re

from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.e2e.basket import basket_add_from_profile
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.keyboard import tab_to

SEARCH_WORD = "beantragen"
TYPE_FILTER = "Online-Dienst (EfA)"
SERVICE_TITLE = "Wohngeld online beantragen"


def _result_count(page: Page):
    return page.get_by_role("status").filter(has_text="Dienst")


def _type_checkbox(page: Page):
    return page.get_by_role("group", name="Art des Dienstes").get_by_role(
        "checkbox", name=re.compile(re.escape(TYPE_FILTER))
    )


def test_visitor_searches_filters_and_puts_a_service_into_the_basket(page: Page, demo_site):
    page.goto("/")
    page.get_by_role("link", name="Zum Dienstekatalog").click()
    expect(page).to_have_url(re.compile(r"/dienste/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dienstekatalog")
    expect(_result_count(page)).to_have_text("6 Dienste")

    page.get_by_label("Suchbegriff, OZG-ID oder LeiKa-Schlüssel").fill(SEARCH_WORD)
    page.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(rf"[?&]q={SEARCH_WORD}(&|$)"))
    expect(_result_count(page)).to_have_text(f"4 Dienste für „{SEARCH_WORD}“")

    _type_checkbox(page).check()
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page).to_have_url(re.compile(r"[?&]typ=online_dienst_efa(&|$)"))
    expect(page).to_have_url(re.compile(rf"[?&]q={SEARCH_WORD}(&|$)"))
    expect(_result_count(page)).to_have_text(f"3 Dienste für „{SEARCH_WORD}“")
    expect(page.get_by_role("list", name="Aktive Filter")).to_contain_text(TYPE_FILTER)

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"typ="))
    expect(_result_count(page)).to_have_text(f"4 Dienste für „{SEARCH_WORD}“")
    expect(page.get_by_label("Suchbegriff, OZG-ID oder LeiKa-Schlüssel")).to_have_value(SEARCH_WORD)
    expect(_type_checkbox(page)).not_to_be_checked()

    page.get_by_role("link", name=SERVICE_TITLE).click()
    expect(page).to_have_url(re.compile(r"/dienste/wohngeld/$"))
    breadcrumb = page.get_by_role("navigation", name="Brotkrumennavigation")
    expect(breadcrumb.get_by_role("listitem")).to_have_text(
        ["Start", "Dienstekatalog", SERVICE_TITLE]
    )
    expect(breadcrumb.get_by_role("link", name="Dienstekatalog")).to_have_attribute(
        "href", "/dienste/"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(SERVICE_TITLE)

    basket_add_from_profile(page, SERVICE_TITLE)


def test_search_and_filter_with_the_keyboard_only(page: Page, demo_site):
    page.goto("/dienste/")
    expect(_result_count(page)).to_have_text("6 Dienste")

    tab_to(page, lambda focused: focused["id"] == "suche")
    page.keyboard.type(SEARCH_WORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]q={SEARCH_WORD}(&|$)"))
    expect(_result_count(page)).to_have_text(f"4 Dienste für „{SEARCH_WORD}“")

    tab_to(
        page,
        lambda focused: focused["name"] == "typ" and focused["value"] == "online_dienst_efa",
    )
    page.keyboard.press("Space")
    expect(_type_checkbox(page)).to_be_checked()

    tab_to(page, lambda focused: focused["text"] == "Filter anwenden")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]typ=online_dienst_efa(&|$)"))
    expect(_result_count(page)).to_have_text(f"3 Dienste für „{SEARCH_WORD}“")
    expect(_type_checkbox(page)).to_be_checked()


def test_on_a_phone_the_results_come_first_and_the_filters_behind_one_button(page: Page, demo_site):
    page.set_viewport_size(MOBILE)
    page.goto("/dienste/")
    filters = page.locator("summary", has_text="Filter")
    first_result = page.get_by_role("list").filter(has=page.locator(".site-service-card")).first

    expect(_type_checkbox(page)).to_be_hidden()
    assert first_result.bounding_box()["y"] < 1000

    filters.click()
    _type_checkbox(page).check()
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page).to_have_url(re.compile(r"[?&]typ=online_dienst_efa(&|$)"))
    expect(page.locator("summary", has_text="Filter (1 gewählt)")).to_be_visible()
    expect(_type_checkbox(page)).to_be_hidden()

    page.set_viewport_size(DESKTOP)
    expect(_type_checkbox(page)).to_be_visible()
    expect(_type_checkbox(page)).to_be_checked()
