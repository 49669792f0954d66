"""The demo environment that `make run` builds: page tree, registry, staff groups, accounts,
news, and orders in every status of the rollout."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cms_pages.models import ServicePage
from cms_pages.services import (
    news_pages_ensure,
    service_page_drafts_from_catalogue,
    service_pages_ensure,
)
from shop.accounts.services import (
    EDITORS_GROUP,
    FULFILMENT_GROUP,
    membership_ensure_approved,
    membership_request,
    staff_groups_ensure,
    user_ensure,
)
from shop.agreements.demo import demo_agreements_ensure
from shop.agreements.selectors import agreements_required_for
from shop.models import (
    ENDED_STATUSES,
    ContactRole,
    Dienst,
    Membership,
    OrderedService,
    RolloutStatus,
    User,
    Verwaltung,
)
from shop.orders.rollout import lines_status_change
from shop.orders.selectors import gemeinden_for_ordering
from shop.orders.services import ContactData, OrderSubmission, order_place

from .demo_content import demo_agreements, demo_news, demo_services
from .setup import SiteSetupReport, site_setup_ensure

# OZG-Leistungen that editors have started profiles for but not yet published.
DRAFT_OZG_IDS = ("10227", "10244", "10350")

DEMO_PASSWORD = "ozg-demo-2026"  # noqa: S105  (published in the README, refused without DEBUG)


@dataclass(frozen=True, kw_only=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    description: str
    is_superuser: bool = False
    is_staff: bool = False
    group: str | None = None
    # The Verwaltungen (regional keys) the person is an approved member of; orders of
    # DEMO_ORDERS are placed for the first.
    verwaltung_keys: tuple[str, ...] = ()
    # Verwaltungen the person has asked to join, waiting for the Redaktion's decision (shown on
    # the Wagtail dashboard) or, where the Verwaltung has one, its Verwaltungsadmin's.
    requested_verwaltung_keys: tuple[str, ...] = ()
    # Of verwaltung_keys: those whose members the person manages as Verwaltungsadmin.
    admin_verwaltung_keys: tuple[str, ...] = ()


DEMO_ACCOUNTS = (
    DemoAccount(
        email="admin@example.org",
        first_name="Alex",
        last_name="Admin",
        description="Superuser: alles, auch /django-admin/",
        is_superuser=True,
        is_staff=True,
    ),
    DemoAccount(
        email="redaktion@example.org",
        first_name="Rieke",
        last_name="Redaktion",
        description="Redaktion des ITVSH: nur Wagtail unter /cms/",
        group=EDITORS_GROUP,
    ),
    DemoAccount(
        email="fulfilment@example.org",
        first_name="Finn",
        last_name="Fulfilment",
        description="Bestellbearbeitung (Dataport/Land): Oscar-Dashboard",
        is_staff=True,
        group=FULFILMENT_GROUP,
    ),
    DemoAccount(
        email="amt-huettener-berge@example.org",
        first_name="Hanna",
        last_name="Hüttmann",
        description=(
            "Kommune: bestellberechtigt und Verwaltungsadmin für das Amt Hüttener Berge "
            "(verwaltet dessen Mitglieder unter /konto/mitglieder/)"
        ),
        verwaltung_keys=("010585890",),
        admin_verwaltung_keys=("010585890",),
    ),
    DemoAccount(
        email="flensburg@example.org",
        first_name="Frauke",
        last_name="Flens",
        description=(
            "Kommune: bestellberechtigt für die Stadt Flensburg; Antrag für den Kreis "
            "Schleswig-Flensburg offen"
        ),
        verwaltung_keys=("01001",),
        requested_verwaltung_keys=("01059",),
    ),
    DemoAccount(
        email="zwei-verwaltungen@example.org",
        first_name="Jonas",
        last_name="Jensen",
        description=(
            "Kommune: bestellberechtigt für das Amt Hüttener Berge und den Kreis "
            "Rendsburg-Eckernförde (wählt an der Kasse die Verwaltung)"
        ),
        verwaltung_keys=("010585890", "01058"),
    ),
    DemoAccount(
        email="kollegin-huettener-berge@example.org",
        first_name="Karla",
        last_name="Kollegin",
        description=(
            "Kommune: Antrag für das Amt Hüttener Berge offen (die Verwaltungsadmin "
            "entscheidet ihn)"
        ),
        requested_verwaltung_keys=("010585890",),
    ),
)


@dataclass(frozen=True)
class DemoSiteReport:
    setup: SiteSetupReport
    services_created: int
    drafts_created: int
    news_created: int


@transaction.atomic
def demo_site_ensure() -> DemoSiteReport:
    setup = site_setup_ensure()
    tree = setup.tree
    services = service_pages_ensure(
        parent=tree.service_index,
        services=demo_services(),
        agreements_by_slug=demo_agreements_ensure(agreements=demo_agreements()),
    )
    drafts = service_page_drafts_from_catalogue(
        parent=tree.service_index, ozg_ids=list(DRAFT_OZG_IDS)
    )
    news = news_pages_ensure(parent=tree.news_index, items=demo_news())
    return DemoSiteReport(
        setup=setup,
        services_created=len(services),
        drafts_created=len(drafts),
        news_created=len(news),
    )


@transaction.atomic
def demo_accounts_ensure(*, password: str) -> None:
    groups = staff_groups_ensure()
    for account in DEMO_ACCOUNTS:
        user = user_ensure(
            email=account.email,
            password=password,
            first_name=account.first_name,
            last_name=account.last_name,
            is_staff=account.is_staff,
            is_superuser=account.is_superuser,
            groups=[groups[account.group]] if account.group else [],
        )
        for key in account.verwaltung_keys:
            membership_ensure_approved(
                user=user,
                verwaltung=Verwaltung.objects.get(regional_key=key),
                admin=key in account.admin_verwaltung_keys,
            )
        for key in account.requested_verwaltung_keys:
            verwaltung = Verwaltung.objects.get(regional_key=key)
            if not Membership.objects.filter(user=user, verwaltung=verwaltung).exists():
                membership_request(user=user, verwaltung=verwaltung, role=Membership.Role.ORDERING)


@dataclass(frozen=True, kw_only=True)
class DemoOrder:
    """One service ordered by a demo account for its Verwaltung (all its Gemeinden), then moved
    by the fulfilment account through `steps` (the statuses in order; a reason for Abgelehnt and
    Storniert, the address for Live)."""

    email: str
    service_slug: str
    steps: tuple[str, ...] = ()
    reason: str = ""
    service_url: str = ""


FULFILMENT_EMAIL = "fulfilment@example.org"
_TO_TEST = (RolloutStatus.IN_REVIEW, RolloutStatus.IN_PROGRESS, RolloutStatus.IN_TEST)

DEMO_ORDERS = (
    DemoOrder(
        email="amt-huettener-berge@example.org",
        service_slug="wohnsitzanmeldung",
        steps=(*_TO_TEST, RolloutStatus.LIVE),
        service_url="https://wohnsitzanmeldung.huettener-berge.example/",
    ),
    DemoOrder(email="amt-huettener-berge@example.org", service_slug="wohngeld", steps=_TO_TEST),
    DemoOrder(
        email="amt-huettener-berge@example.org",
        # Not the Kfz-Abmeldung: that is for Kreise and kreisfreie Städte (demo/services.yaml).
        service_slug="meldebescheinigung-melderegisterauskunft",
        steps=_TO_TEST[:2],
    ),
    DemoOrder(email="amt-huettener-berge@example.org", service_slug="hundesteuer-anmeldung"),
    DemoOrder(email="flensburg@example.org", service_slug="gewerbeanmeldung", steps=_TO_TEST[:1]),
    DemoOrder(
        email="flensburg@example.org",
        service_slug="fischereischein",
        steps=(RolloutStatus.IN_REVIEW, RolloutStatus.REJECTED),
        reason="Den Fischereischein stellt in Schleswig-Holstein der Kreis aus, nicht die Stadt.",
    ),
    DemoOrder(
        email="flensburg@example.org",
        service_slug="kita-platz",
        steps=(RolloutStatus.CANCELLED,),
        reason="Auf Wunsch der Stadt storniert: sie bestellt den Dienst im nächsten Jahr neu.",
    ),
)


_VERWALTUNG_KEYS = {
    account.email: keys[0] for account in DEMO_ACCOUNTS if (keys := account.verwaltung_keys)
}


def _demo_contacts(user: User) -> list[ContactData]:
    domain = user.email.partition("@")[2]
    return [
        ContactData(role=ContactRole.SUBJECT, name=user.get_full_name(), email=user.email),
        ContactData(role=ContactRole.TECHNICAL, name="IT-Service", email=f"it@{domain}"),
        ContactData(
            role=ContactRole.MAILBOX, name="Bürgerservice", email=f"buergerservice@{domain}"
        ),
        ContactData(
            role=ContactRole.DATA_PROTECTION, name="Datenschutz", email=f"datenschutz@{domain}"
        ),
    ]


@transaction.atomic
def demo_orders_ensure() -> int:
    """Place DEMO_ORDERS through the shop's own services (as the checkout and the dashboard
    do), each once: an order of the service for the account's Verwaltung already there, in
    whatever status, is left as it is. Needs the demo accounts. Returns how many were placed."""
    fulfilment = User.objects.get(email=FULFILMENT_EMAIL)
    wished_start_date = timezone.localdate() + datetime.timedelta(days=30)
    placed = 0
    for demo in DEMO_ORDERS:
        user = User.objects.get(email=demo.email)
        verwaltung = Verwaltung.objects.get(regional_key=_VERWALTUNG_KEYS[demo.email])
        dienst = Dienst.objects.get(page_id=ServicePage.objects.get(slug=demo.service_slug).pk)
        if OrderedService.objects.filter(verwaltung=verwaltung, dienst=dienst).exists():
            continue
        submission = OrderSubmission(
            user=user,
            verwaltung=verwaltung,
            gemeinden=tuple(gemeinden_for_ordering(verwaltung=verwaltung)),
            contacts=tuple(_demo_contacts(user)),
            wished_start_date=wished_start_date,
            accepted_version_ids=tuple(v.pk for v in agreements_required_for(dienste=[dienst])),
        )
        # Without the PDF in the background: seeding stays fast; the document is made when
        # someone downloads it.
        order = order_place(submission=submission, dienste=[dienst], document=False)
        for status in demo.steps:
            lines_status_change(
                lines=list(order.lines.all()),
                new_status=status,
                user=fulfilment,
                reason=demo.reason if status in ENDED_STATUSES else "",
                service_url=demo.service_url if status == RolloutStatus.LIVE else "",
            )
        placed += 1
    return placed
