"""A member follows a service's history on the order page and exports Meine Dienste: the history
table with dates and who changed what (the rollout team as "ITVSH/Dataport"), axe-core's WCAG 2.1
A/AA rules at 320 and 1280 px on the order page and the overview with its export links, and
the CSV downloaded through the link with the page's filter."""

import csv
import io
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import FULFILMENT_GROUP
from shop.orders.rollout import lines_status_change
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import ARTIFACTS_DIR
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.session import log_in
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish

LIVE_URL = "https://wohngeld.amt-huettener-berge.example/antrag"


def screenshots(page: Page, name: str) -> list[Path]:
    """Full-page screenshots at both widths (var/e2e-artifacts/), for people to look at."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    paths = []
    for viewport in (DESKTOP, MOBILE):
        page.set_viewport_size(viewport)
        path = ARTIFACTS_DIR / f"{name}-{viewport['width']}.png"
        page.screenshot(path=path, full_page=True)
        paths.append(path)
    page.set_viewport_size(DESKTOP)
    return paths


def test_member_reads_the_history_and_exports_meine_dienste(page: Page, site_pages):
    terms_of_use_publish()
    amt = amt_with_gemeinden(name="Amt Hüttener Berge", count=3)
    member = member_create(
        verwaltung=amt, first_name="Hanna", last_name="Hüttmann", email="hanna@amt.example"
    )
    staff = staff_create(group=FULFILMENT_GROUP, first_name="Fiete", last_name="Fulfilment")
    order = order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(title="Wohngeld"), dienst_create(title="Elterngeld")],
    )
    wohngeld, elterngeld = order.lines.order_by("pk")
    for status in ("In Prüfung", "In Umsetzung", "Im Test"):
        lines_status_change(lines=[wohngeld], new_status=status, user=staff)
    lines_status_change(lines=[wohngeld], new_status="Live", user=staff, service_url=LIVE_URL)
    lines_status_change(
        lines=[elterngeld], new_status="Abgelehnt", user=staff, reason="Landesdienst."
    )
    log_in(page, member.email)

    page.goto(f"/konto/meine-dienste/bestellungen/{order.number}/")
    history = page.get_by_role("table", name="Verlauf von „Wohngeld“")
    expect(history.get_by_role("row")).to_have_count(6)  # header, order, four changes
    expect(history.get_by_role("row").nth(1)).to_contain_text("Hanna Hüttmann")
    expect(history.get_by_role("row").last).to_contain_text("ITVSH/Dataport")
    expect(history.get_by_role("link", name=LIVE_URL)).to_be_visible()
    expect(page.get_by_role("table", name="Verlauf von „Elterngeld“")).to_contain_text(
        "Landesdienst."
    )
    expect(page.locator("main")).not_to_contain_text("Fiete")
    assert_accessible(page)
    screenshots(page, "timeline-order-page")

    page.goto("/konto/meine-dienste/?status=Live")
    assert_accessible(page)
    screenshots(page, "timeline-overview-export")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="als CSV-Datei").click()
    download = download_info.value
    assert download.suggested_filename.startswith("meine-dienste-amt-huettener-berge-")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Wohngeld"]
    assert rows[1][5] == LIVE_URL
