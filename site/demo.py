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

from .demo_content import demo_accounts, demo_agreements, demo_news, demo_orders, demo_services
from .setup import SiteSetupReport, site_setup_ensure

# OZG-Leistungen that editors have started profiles for but not yet published.
DRAFT_OZG_IDS = ("10227", "10244", "10350")

DEMO_PASSWORD = "ozg-demo-2026"  # noqa: S105  (published in the README, refused without DEBUG)


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
    for account in demo_accounts():
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


FULFILMENT_EMAIL = "fulfilment@example.org"
_VERWALTUNG_KEYS = {
    account.email: keys[0] for account in demo_accounts() if (keys := account.verwaltung_keys)
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
    """Place the demo orders (demo/orders.yaml) through the shop's own services (as the checkout
    and the dashboard do), each once: an order of the service for the account's Verwaltung
    already there, in whatever status, is left as it is. Needs the demo accounts. Returns how
    many were placed."""
    fulfilment = User.objects.get(email=FULFILMENT_EMAIL)
    wished_start_date = timezone.localdate() + datetime.timedelta(days=30)
    placed = 0
    for demo in demo_orders():
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
