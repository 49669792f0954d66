"""The demo environment that `make run` builds: page tree, registry, staff groups, accounts."""

from dataclasses import dataclass

from django.db import transaction

from cms_pages.demo_services import DEMO_SERVICES
from cms_pages.services import service_page_drafts_from_catalogue, service_pages_ensure
from shop.accounts.services import (
    EDITORS_GROUP,
    FULFILMENT_GROUP,
    membership_ensure_approved,
    staff_groups_ensure,
    user_ensure,
)
from shop.agreements.demo import demo_agreements_ensure
from shop.models import Verwaltung

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
    verwaltung_key: str | None = None


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
        description="Kommune: bestellberechtigt für das Amt Hüttener Berge",
        verwaltung_key="010585890",
    ),
    DemoAccount(
        email="flensburg@example.org",
        first_name="Frauke",
        last_name="Flens",
        description="Kommune: bestellberechtigt für die Stadt Flensburg",
        verwaltung_key="01001",
    ),
)


def demo_agreements_for(service, agreements: dict) -> list:
    """EfA services need the Beitrittserklärung; whatever processes personal data for the
    municipality an AVV; ePayment its own terms. The Nutzungsbedingungen apply to every order."""
    required = []
    if service.service_type == "online_dienst_efa":
        required.append(agreements["beitrittserklaerung-efa"])
    if service.slug != "zustaendigkeitsfinder":
        required.append(agreements["avv"])
    if service.slug == "epayment":
        required.append(agreements["besondere-bedingungen-epayment"])
    return required


@dataclass(frozen=True)
class DemoSiteReport:
    setup: SiteSetupReport
    services_created: int
    drafts_created: int


@transaction.atomic
def demo_site_ensure() -> DemoSiteReport:
    setup = site_setup_ensure()
    tree = setup.tree
    agreements = demo_agreements_ensure()
    services = service_pages_ensure(
        parent=tree.service_index,
        services=DEMO_SERVICES,
        agreements_for=lambda service: demo_agreements_for(service, agreements),
    )
    drafts = service_page_drafts_from_catalogue(
        parent=tree.service_index, ozg_ids=list(DRAFT_OZG_IDS)
    )
    return DemoSiteReport(
        setup=setup,
        services_created=len(services),
        drafts_created=len(drafts),
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
        if account.verwaltung_key:
            membership_ensure_approved(
                user=user,
                verwaltung=Verwaltung.objects.get(regional_key=account.verwaltung_key),
            )
