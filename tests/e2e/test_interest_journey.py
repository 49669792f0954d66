"""Interest before readiness in the browser: a member registers her Amt's interest in a service
in Vorbereitung on its profile, changes the note and withdraws it; the editor sees it in
Wagtail. axe-core's WCAG 2.1 A/AA rules at 320 and 1280 px on the profile (signed out with the
hint, signed in with the form, after registering), on the interest page and on the editors' list
and overview; the profile's form also at 320 px without horizontal scrolling."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import EDITORS_GROUP
from shop.models import Dienst
from shop.models import DienstInterest
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow
from tests.e2e.session import log_in
from tests.e2e.session import log_in_to_cms
from tests.e2e.session import log_out
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

UPCOMING = "Anmeldung der Eheschließung"


@pytest.fixture
def upcoming(demo_site) -> Dienst:
    dienst = Dienst.objects.get(title=UPCOMING)
    assert dienst.availability == Dienst.Availability.IN_PREPARATION
    return dienst


def test_a_member_registers_changes_and_withdraws_the_interest(page: Page, upcoming):
    amt = amt_with_gemeinden(count=2, name="Amt Hüttener Berge")
    member = member_create(verwaltung=amt, email="hanna@amt.example")
    interest_box = page.locator(".site-interest-box")

    assert_accessible(page, path=upcoming.url)
    expect(interest_box).to_contain_text("Melden Sie sich an")

    log_in(page, member.email)
    assert_accessible(page, path=upcoming.url)
    page.set_viewport_size(MOBILE)
    assert not horizontal_overflow(page)
    page.get_by_label("Anmerkung").fill("Ab Januar, für beide Gemeinden")
    page.get_by_role("button", name="Interesse bekunden").click()
    expect(page.get_by_text("ist gespeichert")).to_be_visible()
    expect(interest_box).to_contain_text("Amt Hüttener Berge hat am")
    assert_accessible(page)
    assert DienstInterest.objects.get().note == "Ab Januar, für beide Gemeinden"

    page.get_by_label("Anmerkung").fill("Ab März")
    page.get_by_role("button", name="Anmerkung speichern").click()
    expect(page.get_by_text("ist gespeichert")).to_be_visible()
    assert DienstInterest.objects.get().note == "Ab März"

    assert_accessible(page, path=f"/konto/interesse/{upcoming.pk}/{amt.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Interesse an")

    page.goto(upcoming.url)
    page.get_by_role("button", name="Interesse zurückziehen").click()
    expect(page.get_by_text("ist zurückgezogen")).to_be_visible()
    assert not DienstInterest.objects.exists()


def test_the_editor_sees_the_interest_in_wagtail(page: Page, upcoming):
    amt = amt_with_gemeinden(count=1, name="Amt Hüttener Berge")
    DienstInterest.objects.create(
        dienst=upcoming,
        verwaltung=amt,
        note="Bitte bald",
        registered_by=member_create(verwaltung=amt),
    )
    editor = UserFactory(email="redaktion@example.org", first_name="Rieke", last_name="Redaktion")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))

    log_out(page)
    log_in_to_cms(page, editor.email)
    assert_accessible(page, path="/cms/interessen/")
    expect(page.get_by_role("main")).to_contain_text(UPCOMING)

    page.get_by_role("link", name=UPCOMING).click()
    expect(page.get_by_role("main")).to_contain_text("Bitte bald")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("1 Verwaltung hat Interesse bekundet")
