"""Writes on the page tree: the shop's fixed pages (home, catalogue, legal pages)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from .legal_content import LEGAL_PAGES
from .models import HomePage, LegalLinks, LegalPage, ServiceIndexPage

HOME_TITLE = "OZG-Dienste für Ihre Kommune"
HOME_INTRO = (
    "Das Land Schleswig-Holstein stellt Ämtern, Gemeinden, Städten und Kreisen fertige "
    "Online-Dienste kostenfrei zur Nachnutzung bereit. Hier finden Sie jeden Dienst mit "
    "seinem Steckbrief, bestellen ihn für Ihre Verwaltung und verfolgen die Einrichtung."
)
HOME_BODY = (
    "<h2>So funktioniert der Shop</h2>"
    "<ol><li>Sie registrieren sich mit Ihrer dienstlichen E-Mail-Adresse und wählen Ihre "
    "Verwaltung. Der ITVSH bestätigt, dass Sie für diese Verwaltung handeln dürfen.</li>"
    "<li>Sie legen die gewünschten Dienste in den Warenkorb, nennen die Ansprechpersonen "
    "und stimmen den Nutzungsbedingungen zu. Eine gesonderte Nachnutzungsvereinbarung mit "
    "jedem Anbieter entfällt.</li>"
    "<li>Dataport richtet den Dienst für Ihre Gemeinden ein. Unter „Meine Dienste“ sehen Sie "
    "den Stand und am Ende die Adresse, unter der der Dienst für Ihre Bürgerinnen und Bürger "
    "erreichbar ist.</li></ol>"
    "<p>Alle Dienste sind für Mitglieder des IT-Verbunds Schleswig-Holstein kostenfrei.</p>"
)
SERVICE_INDEX_TITLE = "Dienstekatalog"
SERVICE_INDEX_INTRO = (
    "Alle Online-Dienste und Basisdienste, die das Land Schleswig-Holstein den Kommunen zur "
    "Nachnutzung anbietet."
)


@dataclass(frozen=True)
class PageTree:
    home: HomePage
    service_index: ServiceIndexPage
    legal_pages: dict[str, LegalPage]


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _child_by_slug(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).specific().first()


@transaction.atomic
def page_tree_ensure() -> PageTree:
    """Build the fixed pages once; pages that already exist are left as editors made them."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="start", intro=HOME_INTRO, body=HOME_BODY)
        )
        _publish(home)
    # Wagtail's first migration leaves a placeholder page; the shop's home page replaces it.
    root.get_children().exact_type(Page).filter(slug="home").delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="OZG-Dienste-Shop",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "OZG-Dienste-Shop"
        site.save()

    service_index = _child_by_slug(home, "dienste")
    if service_index is None:
        service_index = home.add_child(
            instance=ServiceIndexPage(
                title=SERVICE_INDEX_TITLE, slug="dienste", intro=SERVICE_INDEX_INTRO
            )
        )
        _publish(service_index)

    legal_pages = {}
    for content in LEGAL_PAGES:
        page = _child_by_slug(home, content.slug)
        if page is None:
            page = home.add_child(
                instance=LegalPage(
                    title=content.title,
                    slug=content.slug,
                    intro=content.intro,
                    body=content.body,
                    last_reviewed=timezone.localdate(),
                    show_in_menus=False,
                )
            )
            _publish(page)
        legal_pages[content.kind] = page

    links = LegalLinks.load()
    links.impressum = links.impressum or legal_pages["impressum"]
    links.privacy = links.privacy or legal_pages["datenschutz"]
    links.accessibility = links.accessibility or legal_pages["barrierefreiheit"]
    links.save()
    return PageTree(home=home, service_index=service_index, legal_pages=legal_pages)
