"""A person of the Amt Hüttener Berge registers, confirms the address with the link from the
e-mail, is approved by the ITVSH in the Wagtail admin, and then orders two services for three of
the Amt's sixteen Gemeinden; axe-core checks the pages of the registration at 1280 and 320 px.

The e-mails go to Django's locmem outbox: live_server answers from a thread of this process, and
django-tasks' immediate backend sends them right after the commit of the request that caused them.
The Redaktion approves memberships under „Mitgliedschaftsanträge“ (/cms/mitgliedschaften/).
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page
from playwright.sync_api import expect

from shop.accounts.services import EDITORS_GROUP
from shop.models import AcceptanceRecord
from shop.models import Dienst
from shop.models import Membership
from shop.models import OrderDetails
from shop.models import User
from tests.checkout import step_posts
from tests.e2e.axe import assert_accessible
from tests.e2e.checkout import checkout_walk
from tests.e2e.checkout import step_fill
from tests.e2e.session import log_in
from tests.e2e.session import log_in_to_cms
from tests.e2e.session import log_out
from tests.factories import staff_create

FIRST_NAME, LAST_NAME = "Jonas", "Jensen"
EMAIL = "jonas.jensen@amt-huettener-berge.example"
PASSWORD = "Hüttener-Berge-2026"
VERWALTUNG_CHOICE = "Hüttener Berge (Amt, Kreis Rendsburg-Eckernförde, 010585890)"
SERVICES = {"wohngeld": "Wohngeld online beantragen", "elterngeld": "Elterngeld digital"}
CHOSEN_GEMEINDEN = ("Ascheffel", "Hütten", "Owschlag")


@pytest.fixture
def staff(demo_site, amt_huettener_berge):
    """A member of the Redaktion, which decides membership requests (shop.change_membership)."""
    user = staff_create(
        group=EDITORS_GROUP,
        email="redaktion@example.org",
        first_name="Rieke",
        last_name="Redaktion",
    )
    return user


def _fill_registration(page: Page, *, repeated_password: str) -> None:
    page.get_by_label("Vorname").fill(FIRST_NAME)
    page.get_by_label("Nachname").fill(LAST_NAME)
    page.get_by_label("Dienstliche E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen").fill(repeated_password)
    page.get_by_label("Verwaltung, für die Sie arbeiten").select_option(label=VERWALTUNG_CHOICE)
    expect(page.get_by_role("radio", name="bestellberechtigt")).to_be_checked()
    page.get_by_role("button", name="Registrieren").click()


def _confirmation_link(live_server) -> str:
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    message = mail.outbox[0]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in message.subject
    assert "Hüttener Berge" in message.body
    link = re.search(r"https?://\S+/konto/bestaetigen/\S+/", message.body).group(0)
    assert link.startswith(live_server.url), link
    return link


def _register_and_confirm(page: Page, live_server) -> User:
    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Registrieren"
    ).click()
    expect(page).to_have_url(re.compile(r"/konto/registrieren/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Konto für Ihre Verwaltung anlegen")
    assert_accessible(page)

    # The Amt, found by the ARS of one of its Gemeinden (Ascheffel).
    search = page.get_by_role("search", name="Verwaltung suchen")
    search.get_by_label("Verwaltung suchen: Name, AGS oder ARS").fill("010585890008")
    search.get_by_role("button", name="Suchen").click()
    expect(search.get_by_role("status")).to_contain_text("1 Treffer für „010585890008“")

    # A typing error in the repeated password: a German message, nothing saved, axe on the errors.
    _fill_registration(page, repeated_password="Hüttener-Berge-2062")
    expect(
        page.get_by_role("alert").filter(has_text="Bitte prüfen Sie Ihre Angaben")
    ).to_contain_text("Passwort wiederholen: Die beiden Passwörter sind nicht identisch.")
    expect(page.get_by_label("Passwort wiederholen")).to_have_accessible_description(
        re.compile("Die beiden Passwörter sind nicht identisch")
    )
    expect(page.get_by_label("Dienstliche E-Mail-Adresse")).to_have_value(EMAIL)
    assert not User.objects.filter(email=EMAIL).exists()
    assert_accessible(page)

    _fill_registration(page, repeated_password=PASSWORD)
    expect(page).to_have_url(re.compile(r"/konto/registrieren/gesendet/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte sehen Sie in Ihr Postfach")
    assert_accessible(page)
    person = User.objects.get(email=EMAIL)
    assert not person.is_active
    assert (person.first_name, person.last_name) == (FIRST_NAME, LAST_NAME)

    page.goto(_confirmation_link(live_server))
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mail-Adresse bestätigt")
    assert_accessible(page)
    person.refresh_from_db()
    assert person.is_active
    return person


def _approve_in_the_cms(page: Page, staff: User) -> None:
    log_in_to_cms(page, staff.email)
    page.get_by_role("link", name="Mitgliedschaftsanträge", exact=True).click()
    # By its name: the title has soft hyphens, so that it breaks as "Mitglied-schafts-anträge"
    # on a phone.
    expect(
        page.get_by_role("heading", level=1, name="Offene Mitgliedschaftsanträge", exact=True)
    ).to_be_visible()
    request = page.get_by_role("row").filter(has_text=EMAIL)
    expect(request).to_contain_text(f"{FIRST_NAME} {LAST_NAME}")
    expect(request).to_contain_text("Hüttener Berge (010585890)")
    expect(request).to_contain_text("bestellberechtigt")
    request.get_by_role("link", name="Entscheiden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Antrag entscheiden")
    page.get_by_role("radio", name="bestätigen").check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    expect(
        page.get_by_text(f"Mitgliedschaft bestätigt: {EMAIL} für Hüttener Berge.")
    ).to_be_visible()
    expect(page.get_by_text("Keine offenen Anträge.")).to_be_visible()


def _check_out(page: Page, amt) -> tuple[datetime.date, dict[str, dict]]:
    """From the basket with both services to the confirmation page; the start date and what
    each step posted."""
    page.goto("/shop/basket/")
    page.get_by_role("link", name="Weiter zur Kasse").click()

    # One membership: the Verwaltung step is skipped; all 16 Gemeinden are preselected.
    expect(page).to_have_url(re.compile(r"/shop/checkout/gemeinden/$"))
    expect(page.get_by_role("checkbox")).to_have_count(16)
    for gemeinde in amt.gemeinden.all():
        checkbox = page.get_by_role("checkbox", name=f"{gemeinde.name} (AGS {gemeinde.ags})")
        expect(checkbox).to_be_checked()
    posts = step_posts(
        verwaltung=amt,
        dienste=list(Dienst.objects.filter(title__in=SERVICES.values())),
        gemeinden=list(amt.gemeinden.filter(name__in=CHOSEN_GEMEINDEN)),
    )
    start = timezone.localdate() + datetime.timedelta(days=45)
    posts["schedule"]["wished_start_date"] = f"{start:%d.%m.%Y}"

    def accept_for_the_amt(page: Page) -> None:
        # Nutzungsbedingungen, Beitrittserklärung (EfA) and AVV, each accepted for the Amt.
        expect(
            page.get_by_role("checkbox", name=re.compile(r"und nehme sie für Hüttener Berge an"))
        ).to_have_count(3)
        step_fill(page, posts["agreements"])

    checkout_walk(page, posts, fill={"agreements": accept_for_the_amt})

    expect(page).to_have_url(re.compile(r"/shop/checkout/preview/$"))
    review = page.get_by_role("main")
    for text in (*SERVICES.values(), "3 Gemeinden", "Frauke Fachlich", f"{start:%d.%m.%Y}"):
        expect(review).to_contain_text(text)
    page.get_by_role("button", name="Kostenfrei bestellen").click()

    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    expect(page.get_by_role("status")).to_contain_text("Ihre Bestellung ist eingegangen")
    return start, posts


def test_a_person_registers_is_approved_and_orders_for_chosen_gemeinden(
    page: Page, live_server, amt_huettener_berge, staff
):
    amt = amt_huettener_berge
    person = _register_and_confirm(page, live_server)
    membership = Membership.objects.get(user=person)
    assert (membership.verwaltung, membership.role, membership.status) == (
        amt,
        Membership.Role.ORDERING,
        Membership.Status.REQUESTED,
    )

    # Signed in, but not yet approved: the person is told why ordering has to wait.
    page.get_by_role("main").get_by_role("link", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/shop/accounts/login/$"))
    log_in(page, EMAIL, PASSWORD)
    page.get_by_role("link", name="Meine Verwaltungen").click()
    expect(page.get_by_role("status")).to_contain_text("wird noch geprüft")
    expect(page.get_by_role("row").filter(has_text="Hüttener Berge")).to_contain_text("beantragt")
    assert_accessible(page)
    log_out(page)

    _approve_in_the_cms(page, staff)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == staff
    assert mail.outbox[-1].to == [EMAIL]
    assert mail.outbox[-1].subject.startswith(
        "Ihre Mitgliedschaft für Hüttener Berge wurde bestätigt"
    )
    log_out(page)

    log_in(page, EMAIL, PASSWORD)
    for slug, title in SERVICES.items():
        page.goto(f"/dienste/{slug}/")
        page.get_by_role("button", name="In den Warenkorb").click()
        expect(page.get_by_role("status").filter(has_text="Warenkorb hinzugefügt")).to_contain_text(
            title
        )
    start, posts = _check_out(page, amt)

    # Meine Dienste: both services for three Gemeinden each, received.
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Meine Dienste"
    ).click()
    expect(page).to_have_url(re.compile(r"/konto/meine-dienste/$"))
    services_table = page.get_by_role("table", name="Bestellte Dienste von Hüttener Berge")
    for title in SERVICES.values():
        row = services_table.get_by_role("row").filter(has_text=title)
        expect(row).to_contain_text("3 Gemeinden")
        expect(row).to_contain_text("Eingegangen")
    services_table.get_by_role("link", name=SERVICES["wohngeld"]).click()
    expect(page.get_by_role("main")).to_contain_text(", ".join(CHOSEN_GEMEINDEN))
    expect(page.get_by_role("main")).not_to_contain_text("Borgstedt")

    details = OrderDetails.objects.get(verwaltung=amt)
    assert details.order.user == person
    assert details.wished_start_date == start
    assert {
        service.dienst.title: sorted(coverage.gemeinde.name for coverage in service.coverage.all())
        for service in details.services.all()
    } == {title: sorted(CHOSEN_GEMEINDEN) for title in SERVICES.values()}
    assert {contact.email for contact in details.contacts.all()} == {
        value
        for step in posts.values()
        for field, value in step.items()
        if field.endswith("_email") and value
    }
    records = AcceptanceRecord.objects.filter(order=details.order)
    assert records.count() == 3
    assert {(record.user, record.verwaltung) for record in records} == {(person, amt)}
