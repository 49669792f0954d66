"""Orders for tests, placed by the service the checkout calls (shop.orders.services.order_place),
without going through the checkout's pages."""

import datetime
import itertools

from django.utils import timezone

from shop.accounts.services import membership_ensure_approved
from shop.agreements.selectors import agreements_required_for
from shop.dienste.services import dienst_sync
from shop.models import Agreement
from shop.models import ContactRole
from shop.models import Dienst
from shop.models import Gemeinde
from shop.models import Membership
from shop.models import OrderedService
from shop.models import RolloutStatus
from shop.models import ServiceCoverage
from shop.models import User
from shop.models import Verwaltung
from shop.orders.selectors import gemeinden_for_ordering
from shop.orders.services import ContactData
from shop.orders.services import OrderSubmission
from shop.orders.services import order_place as order_place_service
from tests.factories.agreements import published_version
from tests.factories.registry import GemeindeFactory
from tests.factories.registry import UserFactory
from tests.factories.registry import VerwaltungFactory

_page_ids = itertools.count(900_000)


def dienst_create(*, title: str = "", **fields) -> Dienst:
    """An orderable service, as publishing its profile makes it (no page needed)."""
    page_id = next(_page_ids)
    return dienst_sync(
        page_id=page_id,
        title=title or f"Dienst Beispiel {page_id}",
        description="Ein Online-Dienst zum Testen.",
        url=f"/dienste/dienst-{page_id}/",
        availability=fields.pop("availability", Dienst.Availability.AVAILABLE),
        ozg_ids=fields.pop("ozg_ids", []),
        agreement_ids=fields.pop("agreement_ids", []),
        responsible_kinds=fields.pop("responsible_kinds", []),
        onboarding_fields=fields.pop("onboarding_fields", ()),
        onboarding_steps=fields.pop("onboarding_steps", ()),
    )


def checklist_field(kind: str, label: str, **spec) -> dict:
    """One field of an onboarding checklist as the service profile hands it over: required,
    for the Verwaltung, unless `spec` says otherwise."""
    defaults = {"help_text": "", "required": True, "per_gemeinde": False}
    if kind == "file":
        defaults |= {"extensions": ["pdf"], "max_size_mb": 1}
    key = spec.pop("key", label.lower().replace(" ", "-"))
    return {"key": key, "type": kind, "label": label, **defaults, **spec}


# A checklist with a field of every type, as the rollout of a service with DVDV/OSCI transport
# needs it; the DVDV address per Gemeinde.
ONBOARDING_CHECKLIST = (
    checklist_field("url", "Eintrag im Zuständigkeitsfinder", help_text="Adresse der Leistung"),
    checklist_field("text", "DVDV-Adresse", per_gemeinde=True),
    checklist_field("email", "Funktionspostfach"),
    checklist_field("choice", "Fachverfahren", choices=["OK.VORWERK", "Migewa"]),
    checklist_field("yesno", "ePayment gewünscht"),
    checklist_field("date", "Testtermin", required=False),
    checklist_field("file", "Anbindungsformular", extensions=["pdf", "png"], max_size_mb=1),
)
ONBOARDING_STEPS = (
    {"title": "DVDV-Eintrag prüfen", "text": "Mit der Kommune abgleichen."},
    {"title": "Live schalten", "text": ""},
)


def terms_of_use_publish() -> None:
    """The general Nutzungsbedingungen every order needs, in a published version; once."""
    if Agreement.objects.filter(slug="nutzungsbedingungen").exists():
        return
    published_version(
        agreement__kind="nutzungsbedingungen",
        agreement__required_for_every_order=True,
        agreement__title="Allgemeine Nutzungsbedingungen",
        agreement__slug="nutzungsbedingungen",
    )


def amt_with_gemeinden(*, count: int = 3, gemeinden: tuple[str, ...] = (), **fields) -> Verwaltung:
    """An Amt with `count` Gemeinden, or with Gemeinden of the names in `gemeinden`."""
    amt = VerwaltungFactory(**fields)
    if gemeinden:
        for name in gemeinden:
            GemeindeFactory(verwaltung=amt, name=name)
    else:
        GemeindeFactory.create_batch(count, verwaltung=amt)
    return amt


def member_create(
    *,
    verwaltung: Verwaltung,
    role: str = Membership.Role.ORDERING,
    admin: bool = False,
    **user_fields,
) -> User:
    """An approved member; with `admin` a Verwaltungsadmin of `verwaltung`."""
    user = UserFactory(**user_fields)
    membership_ensure_approved(user=user, verwaltung=verwaltung, role=role, admin=admin)
    return user


def people_outside_create(*, verwaltung: Verwaltung) -> list[User]:
    """People who must not see `verwaltung`'s orders: an approved member of another Amt, and
    people whose membership of `verwaltung` is requested or rejected."""
    outsider = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Anderswo"))
    requested = UserFactory()
    Membership.objects.create(
        user=requested, verwaltung=verwaltung, status=Membership.Status.REQUESTED
    )
    rejected = UserFactory()
    Membership.objects.create(
        user=rejected, verwaltung=verwaltung, status=Membership.Status.REJECTED
    )
    return [outsider, requested, rejected]


DEFAULT_CONTACTS = (
    ContactData(role=ContactRole.SUBJECT, name="Frau Fachlich", email="fach@amt.example"),
    ContactData(role=ContactRole.TECHNICAL, name="Herr Technik", email="technik@amt.example"),
    ContactData(role=ContactRole.MAILBOX, name="Bürgerservice", email="postfach@amt.example"),
    ContactData(role=ContactRole.DATA_PROTECTION, name="Frau Datenschutz", email="ds@amt.example"),
)


def order_place(
    *,
    user: User,
    verwaltung: Verwaltung,
    dienste: list[Dienst],
    gemeinden: list[Gemeinde] | None = None,
    contacts=DEFAULT_CONTACTS,
    wished_start_date: datetime.date | None = None,
    remarks: str = "",
):
    """Place an order of the services for the Verwaltung (default: all its Gemeinden),
    accepting every required agreement in its current version. Returns Oscar's order."""
    if gemeinden is None:
        gemeinden = gemeinden_for_ordering(verwaltung=verwaltung)
    submission = OrderSubmission(
        user=user,
        verwaltung=verwaltung,
        gemeinden=tuple(gemeinden),
        contacts=tuple(contacts),
        wished_start_date=wished_start_date or timezone.localdate() + datetime.timedelta(30),
        accepted_version_ids=tuple(v.pk for v in agreements_required_for(dienste=dienste)),
        remarks=remarks,
        ip_address="192.0.2.10",
    )
    return order_place_service(submission=submission, dienste=dienste)


def orders_in_status(
    *, count: int, dienste: list[Dienst], kreis: Verwaltung, status: str, gemeinden: int = 1
) -> list:
    """`count` Ämter of the Kreis, each with an order of the services whose lines (and the
    order) already stand at `status` (set directly: test data for the bulk rollout)."""
    orders = []
    for _ in range(count):
        amt = amt_with_gemeinden(count=gemeinden, kreis=kreis)
        user = member_create(verwaltung=amt)
        order = order_place(user=user, verwaltung=amt, dienste=dienste)
        order.lines.update(status=status)
        type(order).objects.filter(pk=order.pk).update(status=status)
        orders.append(order)
    return orders


def order_in_status(verwaltung: Verwaltung, dienst: Dienst, status: str, gemeinden=None):
    """An order of the service by a new member of the Verwaltung (default: for all its
    Gemeinden) whose line stands at `status` as after fulfilment's change: an ended service is
    no longer active with its coverage, a live one has its address (set directly: test data)."""
    order = order_place(
        user=member_create(verwaltung=verwaltung),
        verwaltung=verwaltung,
        dienste=[dienst],
        gemeinden=gemeinden,
    )
    for line in order.lines.all():
        line.status = status
        line.save()
        service = line.ozg_service
        if status in (RolloutStatus.REJECTED, RolloutStatus.CANCELLED):
            OrderedService.objects.filter(pk=service.pk).update(is_active=False)
            ServiceCoverage.objects.filter(ordered_service=service).update(is_active=False)
        if status == RolloutStatus.LIVE:
            service.service_url = f"https://dienste.example/{service.pk}"
            service.save()
    return order
