"""The demo content of `seed_demo` and the benchmark, read from the data files in demo/:
service profiles (services.yaml), agreements with the text of each version (agreements.yaml,
agreements/*.html), news (news.yaml), the demo accounts (accounts.yaml) and their orders
(orders.yaml). The files are the place to change a demo text."""

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

from shop.agreements.demo import DemoAgreement, DemoVersion


@dataclass(frozen=True, kw_only=True)
class DemoContact:
    """A contact of a service: a function or team with its shared mailbox, not a person."""

    role: str
    name: str
    email: str
    phone: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoService:
    """A service profile, from which cms_pages.services.service_pages_ensure makes a ServicePage."""

    title: str
    slug: str
    short_description: str
    ozg_ids: tuple[str, ...]
    service_type: str
    provider: str
    operating_model: str
    reifegrad: int
    availability: str
    requires_servicekonto: bool
    requires_postfach: bool
    requires_epayment: bool
    transport_route: str
    requires_dvdv_entry: bool
    vertrauensniveau: str
    fachverfahren_interface: str
    featured: bool = False
    # The kinds of Verwaltung that may order it (VerwaltungKind values); empty: all.
    responsible_kinds: tuple[str, ...] = ()
    # Slugs of the agreements an order of the service must accept besides the terms of use.
    agreements: tuple[str, ...] = ()
    contacts: tuple[DemoContact, ...] = ()
    # (block type, value) pairs; FAQ entries and call-outs as tuples, as the help page keeps them.
    body: tuple[tuple[str, object], ...] = ()
    # The onboarding checklist: dicts with `type` and the block's fields (label, help_text,
    # required, per_gemeinde, choices, extensions, max_size_mb); steps with title and text.
    onboarding_fields: tuple[dict, ...] = ()
    onboarding_steps: tuple[dict, ...] = ()


@dataclass(frozen=True, kw_only=True)
class DemoNews:
    slug: str
    title: str
    days_ago: int
    intro: str
    body: str


@dataclass(frozen=True, kw_only=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    description: str
    is_superuser: bool = False
    is_staff: bool = False
    group: str | None = None
    # The Verwaltungen (regional keys) the person is an approved member of; the demo orders
    # (orders.yaml) are placed for the first.
    verwaltung_keys: tuple[str, ...] = ()
    # Verwaltungen the person has asked to join, waiting for the Redaktion's decision (shown on
    # the Wagtail dashboard) or, where the Verwaltung has one, its Verwaltungsadmin's.
    requested_verwaltung_keys: tuple[str, ...] = ()
    # Of verwaltung_keys: those whose members the person manages as Verwaltungsadmin.
    admin_verwaltung_keys: tuple[str, ...] = ()


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


def _folder() -> Path:
    return Path(settings.BASE_DIR) / "demo"


def _read(name: str):
    with (_folder() / name).open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def _block(entry: dict) -> tuple[str, object]:
    ((block_type, value),) = entry.items()
    if block_type == "callout":
        value = (value["kind"], value["text"])
    elif block_type == "faq":
        value = tuple((item["question"], item["answer"]) for item in value)
    elif block_type == "feature_list":
        value = tuple(value)
    return block_type, value


@functools.cache
def demo_services() -> tuple[DemoService, ...]:
    data = _read("services.yaml")
    shared = {key: DemoContact(**fields) for key, fields in data["contacts"].items()}
    return tuple(
        DemoService(
            **{
                **service,
                "ozg_ids": tuple(service["ozg_ids"]),
                "agreements": tuple(service.get("agreements", ())),
                "responsible_kinds": tuple(service.get("responsible_kinds", ())),
                "contacts": tuple(
                    shared[contact] if isinstance(contact, str) else DemoContact(**contact)
                    for contact in service.get("contacts", ())
                ),
                "body": tuple(_block(entry) for entry in service.get("body", ())),
                "onboarding_fields": tuple(service.get("onboarding_fields", ())),
                "onboarding_steps": tuple(service.get("onboarding_steps", ())),
            }
        )
        for service in data["services"]
    )


@functools.cache
def demo_agreements() -> tuple[DemoAgreement, ...]:
    folder = _folder() / "agreements"
    return tuple(
        DemoAgreement(
            slug=agreement["slug"],
            kind=agreement["kind"],
            title=agreement["title"],
            required_for_every_order=agreement["required_for_every_order"],
            versions=tuple(
                DemoVersion(
                    version=str(version["version"]),
                    valid_from=datetime.date.fromisoformat(str(version["valid_from"])),
                    text=(folder / version["text"]).read_text(encoding="utf-8"),
                )
                for version in agreement["versions"]
            ),
        )
        for agreement in _read("agreements.yaml")
    )


@functools.cache
def demo_news() -> tuple[DemoNews, ...]:
    return tuple(DemoNews(**item) for item in _read("news.yaml"))


def _frozen(item: dict) -> dict:
    """The lists of a YAML entry as tuples, as the frozen dataclasses keep them."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in item.items()}


@functools.cache
def demo_accounts() -> tuple[DemoAccount, ...]:
    return tuple(DemoAccount(**_frozen(item)) for item in _read("accounts.yaml"))


@functools.cache
def demo_orders() -> tuple[DemoOrder, ...]:
    return tuple(DemoOrder(**_frozen(item)) for item in _read("orders.yaml"))
