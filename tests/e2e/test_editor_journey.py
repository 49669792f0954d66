"""An editor of the Redaktion writes a new service profile in Wagtail's admin and submits it to the
editorial workflow that seed_demo puts on the catalogue („Freigabe durch eine zweite Person der
Redaktion“); a second editor approves it, which publishes it; a member of an Amt then puts the new
service into the basket from its public profile.

Wagtail's page editor is JavaScript: the locators are its labels and roles, the StreamField's
rich text (Draftail) is a contenteditable textbox that takes key presses, the choosers are dialogs.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page
from playwright.sync_api import expect

from cms_pages.models import ServicePage
from cms_pages.services import EDITORIAL_WORKFLOW_NAME
from cms_pages.services import editorial_workflow_ensure
from shop.accounts.services import EDITORS_GROUP
from shop.models import Dienst
from shop.oscar_models import Basket
from tests.e2e.basket import basket_add_from_profile
from tests.e2e.session import log_in
from tests.e2e.session import log_in_to_cms
from tests.e2e.session import log_out
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create

TITLE = "Elektronische Wohnsitzanmeldung (eWA)"
SLUG = "wohnsitzanmeldung"
SHORT_DESCRIPTION = (
    "Nach einem Umzug melden sich Bürgerinnen und Bürger mit dem Online-Ausweis an ihrem neuen "
    "Wohnsitz an und erhalten eine digitale Meldebestätigung."
)
BODY_TEXT = "Die Meldebehörde erhält die Anmeldung als XMeld-Nachricht."
PROVIDER = "Freie und Hansestadt Hamburg (EfA-Dienst)"
OZG_LEISTUNG = "Wohnsitzmeldungen (OZG-ID 10124)"
AGREEMENTS = (
    "Beitrittserklärung zur Nachnutzung (EfA)",
    "Auftragsverarbeitungsvertrag nach Art. 28 DSGVO",
)


@pytest.fixture
def editors(demo_site):
    """Two people of the Redaktion, and the catalogue's workflow as seed_demo sets it up."""
    group = Group.objects.get(name=EDITORS_GROUP)
    editorial_workflow_ensure(approvers=group)
    author = UserFactory(email="redaktion@example.org", first_name="Rieke", last_name="Redaktion")
    reviewer = UserFactory(email="freigabe@example.org", first_name="Ruth", last_name="Prüfer")
    for editor in (author, reviewer):
        editor.groups.add(group)
    return author, reviewer


@pytest.fixture
def member(demo_site):
    amt = amt_with_gemeinden(name="Amt Hüttener Berge")
    return member_create(verwaltung=amt, email="amt-huettener-berge@example.org")


def _write_profile(page: Page, service_index) -> None:
    """The author adds a profile below the catalogue and fills what an orderable service needs."""
    page.goto(f"/cms/pages/{service_index.pk}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Neu: Dienst-Steckbrief")

    page.get_by_role("textbox", name=re.compile(r"^Titel")).fill(TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Kurzbeschreibung")).fill(SHORT_DESCRIPTION)

    # The description: a "Text" block of the StreamField, written in Draftail.
    body = page.get_by_role("region", name="Beschreibung", exact=True)
    body.get_by_role("button", name="Einen Block einfügen").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    body.get_by_role("textbox").click()
    page.keyboard.type(BODY_TEXT)
    expect(body.get_by_role("textbox")).to_have_text(BODY_TEXT)

    # The OZG-Leistung it implements, searched by its OZG-ID in the chooser.
    page.get_by_role("button", name="OZG-Leistung auswählen").first.click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_label("Suchbegriff").fill("10124")
    expect(chooser.get_by_role("link", name=re.compile("OZG-ID"))).to_have_count(1)
    chooser.get_by_role("link", name=OZG_LEISTUNG).click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_role("region", name="OZG-Leistungen")).to_contain_text(OZG_LEISTUNG)

    page.get_by_label("Art des Dienstes").select_option(label="Online-Dienst (EfA)")
    page.get_by_label("Anbieter").fill(PROVIDER)

    # The agreements an EfA service processing personal data requires, on top of the
    # Nutzungsbedingungen that every order needs.
    page.get_by_role("button", name="vereinbarung hinzufügen").click()
    chooser = page.get_by_role("dialog")
    for title in AGREEMENTS:
        chooser.get_by_label(title).check()
    chooser.get_by_role("button", name="Auswahl bestätigen").click()
    expect(chooser).to_be_hidden()
    for title in AGREEMENTS:
        expect(page.get_by_role("region", name="Erforderliche Vereinbarungen")).to_contain_text(
            title
        )

    page.get_by_role("tab", name="Veröffentlichung").click()
    page.get_by_label("Kurztitel").fill(SLUG)
    page.get_by_role("tab", name="Inhalt").click()
    _autosave_settled(page)


def _autosave_settled(page: Page) -> None:
    """Wagtail 8 autosaves the form half a second after each change; its first autosave creates
    the page and turns the add form into the page's edit form. Submitted before that, the add
    form creates the page a second time (next to the autosaved draft), so an editor, like this
    test, waits until the indicator says "Gespeichert" and the address is the edit view's."""
    indicator = page.locator("#w-autosave-indicator")
    if indicator.count():
        expect(page).to_have_url(re.compile(r"/cms/pages/\d+/edit/(#.*)?$"), timeout=15_000)
        expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")


def test_an_editor_writes_a_profile_a_second_approves_and_a_member_orders_it(
    page: Page, demo_site, editors, member
):
    author, reviewer = editors

    log_in_to_cms(page, author.email)
    _write_profile(page, demo_site.service_index)
    # The preview panel shows the page (it may be framed by the admin, same origin).
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.get_by_role("button", name="Mehr Aktionen").click()
    # Redaktion publishes only through the second person's approval.
    expect(page.get_by_role("button", name="Veröffentlichen", exact=True)).to_have_count(0)
    page.get_by_role("button", name=f"In {EDITORIAL_WORKFLOW_NAME} einreichen").click()
    # "erstellt und zur Moderation eingereicht", or "wurde zur …" if Wagtail's autosave had
    # already created the draft.
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(rf"Seite ‚{re.escape(TITLE)}‘ .*zur Moderation eingereicht")
    )
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("in Moderation")

    profile = ServicePage.objects.get(title=TITLE)
    page.goto(f"/cms/pages/{profile.pk}/edit/")
    page.get_by_role("button", name="Mehr Aktionen").click()
    expect(page.get_by_role("button", name=re.compile("^Freigeben"))).to_have_count(0)
    assert profile.slug == SLUG
    assert not profile.live
    assert profile.current_workflow_state.status == "in_progress"
    assert profile.current_workflow_state.workflow.name == EDITORIAL_WORKFLOW_NAME
    assert not Dienst.objects.filter(page_id=profile.pk).exists()
    log_out(page)
    assert page.goto(f"/dienste/{SLUG}/").status == 404  # nothing public before the approval

    # The second editor finds it awaiting review on the dashboard, reads it and approves it.
    log_in_to_cms(page, reviewer.email)
    awaiting = page.get_by_role("region", name="Ihre Überprüfung steht aus")
    awaiting.get_by_role("row").filter(has_text=author.get_full_name()).get_by_role(
        "link", name=TITLE
    ).click()
    expect(page.get_by_role("textbox", name=re.compile(r"^Kurzbeschreibung"))).to_have_value(
        SHORT_DESCRIPTION
    )
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Freigeben und Veröffentlichen").click()
    expect(page.get_by_role("status")).to_contain_text(f"Freigegeben: „{TITLE}“.")
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("Veröffentlicht")

    profile.refresh_from_db()
    assert profile.live
    assert profile.get_latest_revision().user == author
    assert profile.workflow_states.get().status == "approved"
    assert profile.ozg_ids == ["10124"]
    assert profile.body.render_as_block().count(BODY_TEXT) == 1
    dienst = Dienst.objects.get(page_id=profile.pk)
    assert dienst.is_orderable
    assert dienst.title == TITLE
    assert set(dienst.required_agreements.values_list("title", flat=True)) == set(AGREEMENTS)
    assert list(dienst.ozg_leistungen.values_list("ozg_id", flat=True)) == ["10124"]
    assert dienst.product.stockrecords.get().price == 0
    log_out(page)

    # A member of an Amt finds the published profile and puts the service into the basket.
    log_in(page, member.email)
    page.goto("/dienste/")
    page.get_by_label("Suchbegriff, OZG-ID oder LeiKa-Schlüssel").fill("10124")
    page.get_by_role("button", name="Suchen").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/dienste/{SLUG}/$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    for text in (SHORT_DESCRIPTION, BODY_TEXT, PROVIDER, "Wohnsitzmeldungen"):
        expect(main).to_contain_text(text)

    basket_add_from_profile(page, TITLE)

    basket = Basket.objects.get(owner=member, status=Basket.OPEN)
    assert [line.product_id for line in basket.lines.all()] == [dienst.product_id]


def test_a_decision_in_the_dashboards_dialog_is_confirmed(page: Page, demo_site, editors):
    """The second editor requests changes from the dashboard's list of pages awaiting her review
    (Wagtail's dialog with a comment) and is told so on the dashboard it returns to."""
    author, reviewer = editors
    profile = demo_site.service_index.get_children().specific().first()
    profile.save_revision(user=author)
    editorial_workflow_ensure(approvers=Group.objects.get(name=EDITORS_GROUP)).start(
        profile, author
    )

    log_in_to_cms(page, reviewer.email)
    row = page.get_by_role("region", name="Ihre Überprüfung steht aus").get_by_role("row")
    row.filter(has_text=profile.title).get_by_role("button", name="Aktionen").click()
    page.get_by_role("button", name="Änderungen anfordern", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Kommentar").fill("Bitte die Ansprechpersonen ergänzen.")
    dialog.get_by_role("button", name="Änderungen anfordern").click()

    expect(page).to_have_url(re.compile(r"/cms/$"))
    expect(page.get_by_role("status")).to_contain_text(
        f"Änderungen angefordert: „{profile.title}“ geht an die einreichende Person zurück."
    )
    assert profile.workflow_states.get().status == "needs_changes"
