"""The Verwaltungsadmin of the Amt Hüttener Berge approves a colleague's request in the browser,
makes a member a second admin, and is refused removing herself as the last admin would be; axe
checks the members list and a member's page at 1280 and 320 px.

The e-mails go to Django's locmem outbox (live_server answers from a thread of this process)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import EDITORS_GROUP
from shop.models import Membership
from shop.models import MembershipDecision
from tests.e2e.axe import assert_accessible
from tests.e2e.session import log_in
from tests.e2e.session import log_in_to_cms
from tests.factories import UserFactory
from tests.factories import member_create


@pytest.fixture
def team(site_pages, amt_huettener_berge):
    admin = member_create(
        verwaltung=amt_huettener_berge,
        admin=True,
        first_name="Hanna",
        last_name="Hüttmann",
        email="hanna@amt-huettener-berge.example",
    )
    colleague = UserFactory(
        first_name="Karla", last_name="Kollegin", email="karla@amt-huettener-berge.example"
    )
    Membership.objects.create(user=colleague, verwaltung=amt_huettener_berge)
    member = member_create(
        verwaltung=amt_huettener_berge,
        first_name="Jonas",
        last_name="Jensen",
        email="jonas@amt-huettener-berge.example",
    )
    return admin, colleague, member


def test_the_admin_approves_a_colleague_and_names_a_second_admin(page: Page, team):
    admin, colleague, member = team
    log_in(page, admin.email)

    page.goto("/konto/mitgliedschaften/")
    page.get_by_role("link", name="Mitglieder Ihrer Verwaltung verwalten").click()
    expect(page.get_by_role("heading", name="Mitglieder Ihrer Verwaltung")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Antrag entscheiden\W+Karla Kollegin$")).click()
    expect(page.get_by_role("heading", name="Karla Kollegin")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("radio", name="bestätigen").check()
    page.get_by_role("button", name="Entscheidung speichern").click()

    expect(page.get_by_text("Antrag von Karla Kollegin bestätigt.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Karla Kollegin"))
    expect(row).to_contain_text("bestätigt")
    assert Membership.objects.get(user=colleague).status == Membership.Status.APPROVED
    assert [message.to for message in mail.outbox] == [[colleague.email]]
    assert "Hanna Hüttmann (Verwaltungsadmin) hat Ihre Mitgliedschaft" in mail.outbox[0].body

    # Hanna cannot leave the Amt without an admin ...
    page.get_by_role(
        "link", name=re.compile(r"^Rolle ändern oder entfernen\W+Hanna Hüttmann$")
    ).click()
    page.get_by_role("button", name="Mitglied entfernen").click()
    expect(page.get_by_text("mindestens eine Person als Verwaltungsadmin")).to_be_visible()
    assert_accessible(page)

    # ... so she makes Jonas a second admin first.
    page.get_by_role("link", name="Zurück zu den Mitgliedern").click()
    page.get_by_role(
        "link", name=re.compile(r"^Rolle ändern oder entfernen\W+Jonas Jensen$")
    ).click()
    page.get_by_label("Verwaltungsadmin: verwaltet die Mitglieder der Verwaltung").check()
    page.get_by_role("button", name="Rolle speichern").click()
    expect(page.get_by_text("Rolle von Jonas Jensen geändert.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Jonas Jensen"))).to_contain_text(
        "Verwaltungsadmin"
    )
    assert Membership.objects.get(user=member).is_admin
    assert list(
        MembershipDecision.objects.order_by("pk").values_list("action", "decided_by__email")
    ) == [("bestaetigt", admin.email), ("rolle_geaendert", admin.email)]


def test_the_itvsh_makes_the_first_approved_member_admin_in_wagtail(page: Page, team):
    admin, _, member = team
    Membership.objects.filter(user=admin).update(is_admin=False)
    editor = UserFactory(email="redaktion@example.org", first_name="Rieke", last_name="Redaktion")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))

    log_in_to_cms(page, editor.email)
    assert_accessible(page, path="/cms/mitglieder/")
    row = page.get_by_role("row", name=re.compile("Jonas Jensen"))
    row.get_by_role("link", name="Verwalten").click()
    expect(page.get_by_role("heading", name="Mitgliedschaft verwalten")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(re.compile("^Verwaltungsadmin")).check()
    page.get_by_role("button", name="Rolle speichern").click()

    expect(page.get_by_role("main")).to_contain_text("Verwaltungsadmin")
    assert Membership.objects.get(user=member).is_admin
    decision = MembershipDecision.objects.get(membership__user=member)
    assert (decision.decided_by, decision.admin_after) == (editor, True)
    assert [member.email] in [message.to for message in mail.outbox]
