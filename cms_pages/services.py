"""Writes on the page tree: the shop's fixed pages (home, catalogue, news, help, legal pages)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from shop.models import Agreement, Dienst, OzgLeistung

from .help_content import HELP_BODY, HELP_INTRO, HELP_SLUG, HELP_TITLE
from .legal_content import LEGAL_PAGES
from .models import (
    HelpPage,
    HomePage,
    LegalLinks,
    LegalPage,
    NewsIndexPage,
    NewsPage,
    SecondPersonApprovalTask,
    ServiceIndexPage,
    ServicePage,
    ServicePageAgreement,
    ServicePageContact,
    ServicePageOzgLeistung,
    ServiceType,
)

HOME_TITLE = "OZG-Dienste für Ihre Kommune"
HOME_INTRO = (
    f"Das Land {settings.SHOP_LAND_NAME} stellt Ämtern, Gemeinden, Städten und Kreisen fertige "
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
NEWS_INDEX_TITLE = "Neuigkeiten"
NEWS_INDEX_INTRO = (
    "Was sich im OZG-Dienste-Shop tut: neue Dienste, neue Fassungen der Vereinbarungen und "
    "Hinweise der Redaktion des IT-Verbunds Schleswig-Holstein."
)
SERVICE_INDEX_TITLE = "Dienstekatalog"
SERVICE_INDEX_INTRO = (
    "Alle Online-Dienste und Basisdienste, die das Land "
    f"{settings.SHOP_LAND_NAME} den Kommunen zur Nachnutzung anbietet."
)


@dataclass(frozen=True)
class PageTree:
    home: HomePage
    service_index: ServiceIndexPage
    legal_pages: dict[str, LegalPage]
    news_index: NewsIndexPage
    help_page: HelpPage


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
    base_url = urlsplit(settings.SHOP_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {
        "hostname": base_url.hostname or "localhost",
        "port": base_url.port or (443 if base_url.scheme == "https" else 80),
        "root_page_id": home.pk,
        "site_name": "OZG-Dienste-Shop",
    }
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()

    service_index = _child_by_slug(home, "dienste")
    if service_index is None:
        service_index = home.add_child(
            instance=ServiceIndexPage(
                title=SERVICE_INDEX_TITLE, slug="dienste", intro=SERVICE_INDEX_INTRO
            )
        )
        _publish(service_index)

    news_index = NewsIndexPage.objects.first()  # wherever editors moved it
    if news_index is None:
        news_index = home.add_child(
            instance=NewsIndexPage(
                title=NEWS_INDEX_TITLE, slug="neuigkeiten", intro=NEWS_INDEX_INTRO
            )
        )
        _publish(news_index)

    help_page = HelpPage.objects.first()
    if help_page is None:
        help_page = home.add_child(
            instance=HelpPage(
                title=HELP_TITLE, slug=HELP_SLUG, intro=HELP_INTRO, body=_body_stream(HELP_BODY)
            )
        )
        _publish(help_page)

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
    return PageTree(
        home=home,
        service_index=service_index,
        legal_pages=legal_pages,
        news_index=news_index,
        help_page=help_page,
    )


def _body_stream(blocks: tuple[tuple[str, object], ...]) -> list[tuple[str, object]]:
    """Demo and help content keep FAQ and call-outs as tuples; the blocks want dicts."""
    stream = []
    for block_type, value in blocks:
        if block_type == "faq":
            value = [{"question": question, "answer": answer} for question, answer in value]
        elif block_type == "callout":
            kind, text = value
            value = {"kind": kind, "text": text}
        elif block_type == "feature_list":
            value = list(value)
        stream.append((block_type, value))
    return stream


def _onboarding_stream(fields) -> list[tuple[str, dict]]:
    """Demo checklists name only what differs from the blocks' defaults."""
    stream = []
    for field in fields:
        value = {"help_text": "", "required": True, "per_gemeinde": False, **field}
        block_type = value.pop("type")
        if block_type == "choice":
            value["choices"] = list(value.get("choices", ()))
        if block_type == "file":
            value.setdefault("extensions", ["pdf"])
            value.setdefault("max_size_mb", 10)
        stream.append((block_type, value))
    return stream


@transaction.atomic
def service_pages_ensure(
    *, parent: ServiceIndexPage, services, agreements_by_slug: Mapping[str, Agreement]
) -> list[ServicePage]:
    """Create and publish the given service profiles below the catalogue, once each (by slug).

    `services` are objects with the fields of ozg_site.demo_content.DemoService; their
    `agreements` name, by slug in `agreements_by_slug`, the agreements an order must accept.
    """
    created = []
    for service in services:
        if parent.get_children().filter(slug=service.slug).exists():
            continue
        page = ServicePage(
            title=service.title,
            slug=service.slug,
            short_description=service.short_description,
            body=_body_stream(service.body),
            service_type=service.service_type,
            provider=service.provider,
            operating_model=service.operating_model,
            reifegrad=service.reifegrad,
            availability=service.availability,
            requires_servicekonto=service.requires_servicekonto,
            requires_postfach=service.requires_postfach,
            requires_epayment=service.requires_epayment,
            transport_route=service.transport_route,
            requires_dvdv_entry=service.requires_dvdv_entry,
            vertrauensniveau=service.vertrauensniveau,
            fachverfahren_interface=service.fachverfahren_interface,
            featured=service.featured,
            responsible_kinds=list(service.responsible_kinds),
            onboarding_fields=_onboarding_stream(service.onboarding_fields),
            onboarding_steps=[
                ("step", {"title": step["title"], "text": step.get("text", "")})
                for step in service.onboarding_steps
            ],
        )
        page.ozg_links = [
            ServicePageOzgLeistung(ozg_leistung=leistung)
            for leistung in OzgLeistung.objects.filter(ozg_id__in=service.ozg_ids)
        ]
        page.contacts = [
            ServicePageContact(
                role=contact.role, name=contact.name, email=contact.email, phone=contact.phone
            )
            for contact in service.contacts
        ]
        page.agreement_links = [
            ServicePageAgreement(agreement=agreements_by_slug[slug]) for slug in service.agreements
        ]
        parent.add_child(instance=page)
        _publish(page)
        created.append(page)
    return created


@transaction.atomic
def news_pages_ensure(*, parent: NewsIndexPage, items) -> list[NewsPage]:
    """Create and publish the given news below the news page, once each (by slug).

    `items` are objects with the fields of ozg_site.demo_content.DemoNews."""
    created = []
    today = timezone.localdate()
    for item in items:
        if parent.get_children().filter(slug=item.slug).exists():
            continue
        page = parent.add_child(
            instance=NewsPage(
                title=item.title,
                slug=item.slug,
                date=today - datetime.timedelta(days=item.days_ago),
                intro=item.intro,
                body=item.body,
            )
        )
        _publish(page)
        created.append(page)
    return created


@transaction.atomic
def service_page_drafts_from_catalogue(
    *, parent: ServiceIndexPage, ozg_ids: list[str]
) -> list[ServicePage]:
    """Unpublished profiles started from OZG-Leistungen, for editors to complete (idempotent)."""
    drafts = []
    for leistung in OzgLeistung.objects.filter(ozg_id__in=ozg_ids).select_related("lage"):
        slug = f"entwurf-{leistung.ozg_id}"
        if parent.get_children().filter(slug=slug).exists():
            continue
        page = ServicePage(
            title=leistung.name,
            slug=slug,
            live=False,
            short_description=(
                f"Entwurf aus dem OZG-Katalog: {leistung.name} (Lage {leistung.lage.name})."
            ),
            service_type=ServiceType.ONLINE_DIENST_EFA,
            provider="noch offen",
            availability=Dienst.Availability.IN_PREPARATION,
        )
        page.ozg_links = [ServicePageOzgLeistung(ozg_leistung=leistung)]
        parent.add_child(instance=page)
        page.save_revision()
        drafts.append(page)
    return drafts


EDITORIAL_WORKFLOW_NAME = "Freigabe durch eine zweite Person der Redaktion"
EDITORIAL_TASK_NAME = "Fachliche Freigabe"
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"


@transaction.atomic
def editorial_workflow_ensure(*, approvers: Group) -> Workflow:
    """Every page goes live only after a second person of the approvers' group approved it
    (idempotent). Installs from before SecondPersonApprovalTask had Wagtail's plain group task,
    which let the submitter approve herself: it leaves the workflow, and what waits for it moves
    on to the new task."""
    task = SecondPersonApprovalTask.objects.filter(name=EDITORIAL_TASK_NAME).first()
    if task is None:
        task = SecondPersonApprovalTask.objects.create(name=EDITORIAL_TASK_NAME)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=EDITORIAL_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for plain_task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        WorkflowTask.objects.filter(workflow=workflow, task=plain_task).delete()
        plain_task.deactivate()
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    # Wagtail's migrations install this workflow with a plain group task, in which the submitter
    # may approve herself: switched off, so that nobody assigns it to pages by mistake.
    for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW_NAME, active=True):
        default.deactivate()
    for default_task in GroupApprovalTask.objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW_NAME, active=True
    ):
        default_task.deactivate()
    return workflow
