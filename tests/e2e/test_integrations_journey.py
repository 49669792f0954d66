# ruff: noqa: S310  (requests go to the live_server on 127.0.0.1 only)
"""Connecting an operator's system, in the browser: a person with the group Schnittstellen creates
an API client (the token is shown once), the token reads the orders over HTTP, the client is
revoked; a webhook is created (the secret shown once), edited, and its deliveries appear in the
log. Every page at 1280 and 320 px passes axe-core's WCAG 2.1 A/AA rules, without horizontal
scrolling."""

import json
import re
import urllib.error
import urllib.request

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import FULFILMENT_GROUP
from shop.accounts.services import INTEGRATIONS_GROUP
from shop.integrations.webhooks import webhook_event_publish
from shop.models import WebhookEvent
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow
from tests.e2e.session import log_in
from tests.factories import GemeindeFactory
from tests.factories import VerwaltungFactory
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import staff_create
from tests.factories import terms_of_use_publish


@pytest.fixture
def order(site_pages):
    terms_of_use_publish()
    amt = VerwaltungFactory(name="Amt Hüttener Berge")
    GemeindeFactory(verwaltung=amt, name="Ascheffel")
    user = staff_create(
        group=FULFILMENT_GROUP, email="ina@land.example", first_name="Ina", is_staff=True
    )
    user.groups.add(Group.objects.get(name=INTEGRATIONS_GROUP))
    member = member_create(verwaltung=amt)
    return order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])


def check_page(page: Page) -> None:
    for viewport in (DESKTOP, MOBILE):
        page.set_viewport_size(viewport)
        assert not horizontal_overflow(page), f"{page.url} bei {viewport['width']} px zu breit"
    page.set_viewport_size(DESKTOP)
    assert_accessible(page)


def api_get(live_server, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{live_server.url}/api/umsetzung/bestellungen",
        headers={"Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_connecting_an_operators_system(page: Page, order, live_server):
    log_in(page, "ina@land.example")

    page.goto("/umsetzung/schnittstellen/")
    check_page(page)
    page.get_by_label("Name").fill("Ticketsystem Dataport")
    page.get_by_label("Bestellungen lesen").check()
    page.get_by_role("button", name="API-Zugang anlegen").click()
    expect(page.get_by_text("Nur jetzt sichtbar")).to_be_visible()
    check_page(page)
    token = page.get_by_label("API-Schlüssel").input_value()

    status, body = api_get(live_server, token)
    assert status == 200
    assert [item["number"] for item in body["items"]] == [order.number]

    page.get_by_role("link", name="Zu den API-Zugängen").click()
    expect(page.get_by_role("cell", name="Ticketsystem Dataport", exact=True)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Widerrufen")).click()
    expect(page.get_by_text("ist widerrufen")).to_be_visible()
    assert api_get(live_server, token)[0] == 401

    page.goto("/umsetzung/schnittstellen/webhooks/")
    check_page(page)
    page.get_by_role("link", name="Neuer Webhook").click()
    expect(page.get_by_label("Adresse")).to_be_visible()
    check_page(page)
    page.get_by_label("Name").fill("Ticketsystem")
    # Nobody listens there (tests allow local addresses): the delivery fails at once.
    page.get_by_label("Adresse").fill("http://127.0.0.1:9/ozg")
    page.get_by_label("Status eines Dienstes geändert").check()
    page.get_by_role("button", name="Webhook anlegen").click()
    assert len(page.get_by_label("Geheimnis für die Signatur").input_value()) > 30

    webhook_event_publish(event=WebhookEvent.STATUS_CHANGED, payload={"order_number": "1"})
    page.goto("/umsetzung/schnittstellen/zustellungen/")
    expect(page.get_by_role("cell", name="Status eines Dienstes geändert")).to_be_visible()
    expect(page.get_by_text("ConnectionRefusedError")).to_be_visible()
    check_page(page)

    page.goto("/umsetzung/schnittstellen/webhooks/")
    page.get_by_role("link", name=re.compile(r"^Bearbeiten")).click()
    expect(page.get_by_label("aktiv", exact=True)).to_be_visible()
    check_page(page)
    page.get_by_label("aktiv", exact=True).uncheck()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("cell", name="inaktiv", exact=True)).to_be_visible()
