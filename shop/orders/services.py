"""Writes about orders: recording what a Verwaltung ordered with an Oscar order, and telling it.

The checkout (oscar_overrides.checkout) places Oscar's order and calls `order_details_create` in
the same transaction; whatever this refuses, nothing of the order is kept.
"""

import dataclasses
import datetime
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.agreements.selectors import agreements_required_for, requires_data_protection_contact
from shop.agreements.services import acceptance_records_create
from shop.mail import mail_after_commit
from shop.models import (
    AgreementVersion,
    ContactRole,
    Dienst,
    Gemeinde,
    OrderContact,
    OrderDetails,
    OrderedService,
    ServiceCoverage,
    User,
    Verwaltung,
)
from shop.orders.rollout import order_status_url
from shop.orders.selectors import PlannedService, gemeinden_for_ordering, order_plan

if TYPE_CHECKING:
    from oscar.apps.order.models import Order

Basket = get_model("basket", "Basket")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
Selector = get_class("partner.strategy", "Selector")

REQUIRED_CONTACT_ROLES = (ContactRole.SUBJECT, ContactRole.TECHNICAL, ContactRole.MAILBOX)
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ()/\-]{4,38}$",
    "Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - an.",
)


# A wished start further ahead than this is a typing error (31.12.9999) or a plan rather than an
# order: agreements get new versions and services change in that time, and three years already
# cover a municipal Doppelhaushalt with the year that prepares it.
WISHED_START_MAX_YEARS = 3


class OrderConflict(Exception):
    """The order cannot be placed as it is (German message for the person)."""


class OrderPlanChanged(OrderConflict):
    """What the order would set up is no longer what the person confirmed on the review."""


@dataclasses.dataclass(frozen=True)
class ContactData:
    role: str
    email: str
    name: str = ""
    phone: str = ""


def contacts_validate(
    *, contacts: Sequence[ContactData], data_protection_required: bool
) -> list[ContactData]:
    """The contacts without empty optional ones; ValidationError (German) for a missing role,
    a person without name, an invalid e-mail address or telephone number."""
    by_role = {contact.role: contact for contact in contacts if contact.email or contact.name}
    required = list(REQUIRED_CONTACT_ROLES)
    if data_protection_required:
        required.append(ContactRole.DATA_PROTECTION)
    problems = [
        f"{ContactRole(role).label}: Bitte geben Sie die E-Mail-Adresse an."
        for role in required
        if role not in by_role or not by_role[role].email
    ]
    for role, contact in by_role.items():
        if role not in ContactRole.values:
            problems.append("Unbekannte Rolle einer Ansprechperson.")
            continue
        label = ContactRole(role).label
        if not contact.email:
            problems.append(f"{label}: Bitte geben Sie die E-Mail-Adresse an.")
        if role != ContactRole.MAILBOX and not contact.name.strip():
            problems.append(f"{label}: Bitte geben Sie den Namen an.")
        try:
            if contact.email:
                validate_email(contact.email)
            if contact.phone:
                PHONE_VALIDATOR(contact.phone)
        except ValidationError as error:
            problems.append(f"{label}: {' '.join(error.messages)}")
    if problems:
        raise ValidationError(list(dict.fromkeys(problems)))
    return [by_role[role] for role in ContactRole.values if role in by_role]


def wished_start_date_latest(*, today: datetime.date) -> datetime.date:
    """The latest wished start date allowed on `today` (from a 29 February: the 28th)."""
    year = today.year + WISHED_START_MAX_YEARS
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def wished_start_date_validate(*, day: datetime.date | None) -> datetime.date:
    """The day, from today up to WISHED_START_MAX_YEARS ahead; ValidationError (German) else."""
    if day is None:
        raise ValidationError("Bitte geben Sie den gewünschten Starttermin an.")
    today = timezone.localdate()
    if day < today:
        raise ValidationError("Der gewünschte Starttermin darf nicht in der Vergangenheit liegen.")
    latest = wished_start_date_latest(today=today)
    if day > latest:
        raise ValidationError(
            f"Der gewünschte Starttermin darf höchstens {WISHED_START_MAX_YEARS} Jahre in der "
            f"Zukunft liegen, also spätestens am {latest:%d.%m.%Y}."
        )
    return day


def gemeinden_validate(*, verwaltung: Verwaltung, gemeinden: Iterable[Gemeinde]) -> list[Gemeinde]:
    """The chosen Gemeinden, all administered by the Verwaltung; ValidationError otherwise."""
    allowed = {gemeinde.pk: gemeinde for gemeinde in gemeinden_for_ordering(verwaltung=verwaltung)}
    chosen = list(dict.fromkeys(gemeinde.pk for gemeinde in gemeinden))
    if any(pk not in allowed for pk in chosen):
        raise ValidationError(
            f"Mindestens eine der gewählten Gemeinden wird nicht von {verwaltung.name} verwaltet."
        )
    if allowed and not chosen:
        raise ValidationError("Bitte wählen Sie mindestens eine Gemeinde.")
    return [allowed[pk] for pk in chosen]


def plan_validate(*, plan: Sequence[PlannedService]) -> None:
    """ValidationError (German) naming each service that has nothing left to set up."""
    problems = []
    for planned in plan:
        if planned.is_possible:
            continue
        if planned.for_itself:
            problems.append(f"„{planned.dienst.title}“ ist bereits bestellt.")
        else:
            problems.append(
                f"„{planned.dienst.title}“ ist für alle gewählten Gemeinden bereits bestellt. "
                "Entfernen Sie den Dienst aus dem Warenkorb oder wählen Sie weitere Gemeinden."
            )
    if problems:
        raise ValidationError(problems)


def _names(gemeinden: Iterable[Gemeinde]) -> str:
    return ", ".join(gemeinde.name for gemeinde in gemeinden)


def plan_confirm(
    *, plan: Sequence[PlannedService], confirmed: Mapping[int, Collection[int]]
) -> None:
    """OrderPlanChanged (German, naming the Gemeinden) unless the plan sets up exactly the
    services and Gemeinden that the person confirmed on the review (`confirmed`: per service id
    the ids of the Gemeinden shown). A colleague's order placed meanwhile must not shrink this
    order unnoticed, nor a cancelled one widen it."""
    shown = {dienst_id: set(gemeinde_ids) for dienst_id, gemeinde_ids in confirmed.items()}
    planned_ids = {
        planned.dienst.pk: {gemeinde.pk for gemeinde in planned.gemeinden} for planned in plan
    }
    if shown == planned_ids:
        return
    changes = []
    if set(shown) != set(planned_ids):
        changes.append("Ihr Warenkorb hat sich inzwischen geändert.")
    for planned in plan:
        if planned.dienst.pk not in shown:
            continue
        shown_ids = shown[planned.dienst.pk]
        taken = [gemeinde for gemeinde in planned.already_ordered if gemeinde.pk in shown_ids]
        added = [gemeinde for gemeinde in planned.gemeinden if gemeinde.pk not in shown_ids]
        if taken:
            changes.append(
                f"„{planned.dienst.title}“ wurde inzwischen für {_names(taken)} bestellt und ist "
                "für sie nicht mehr enthalten."
            )
        if added:
            changes.append(
                f"„{planned.dienst.title}“ ist für {_names(added)} nicht mehr bestellt und wäre "
                "für sie zusätzlich enthalten."
            )
    if not changes:
        # The same services, but the Gemeinden were chosen anew in another window.
        changes.append("Ihre Auswahl der Gemeinden hat sich inzwischen geändert.")
    raise OrderPlanChanged(
        " ".join(
            [
                *changes,
                "Bitte prüfen Sie die aktualisierte Übersicht und bestellen Sie dann erneut.",
            ]
        )
    )


def agreements_validate(
    *, dienste: Iterable[Dienst], accepted: Iterable[AgreementVersion]
) -> list[AgreementVersion]:
    """The current versions of all agreements the services require, each of which must be among
    `accepted`; ValidationError (German) for each one missing or outdated."""
    required = agreements_required_for(dienste=list(dienste))
    accepted_ids = {version.pk for version in accepted}
    problems = [
        f"Bitte nehmen Sie „{version.agreement.title}“ in Version {version.version} an."
        for version in required
        if version.pk not in accepted_ids
    ]
    if problems:
        raise ValidationError(problems)
    return required


def order_details_create(
    *,
    order: "Order",
    user: User,
    verwaltung: Verwaltung,
    gemeinden: Iterable[Gemeinde],
    contacts: Sequence[ContactData],
    wished_start_date: datetime.date,
    remarks: str,
    accepted_versions: Iterable[AgreementVersion],
    ip_address: str | None,
    confirmed_plan: Mapping[int, Collection[int]] | None = None,
) -> OrderDetails:
    """Record, for a just-created Oscar order, the Verwaltung, its Gemeinden per service, the
    contacts and one acceptance record per agreement.

    Everything is checked again here (the checkout's steps may be old or tampered with):
    ValidationError (German) for input that cannot be right, OrderConflict when another order
    came first for a service and Gemeinde, OrderPlanChanged when the order would no longer set
    up what the person confirmed on the review (`confirmed_plan`, see `plan_confirm`; None
    where no person reviewed it: test data, the benchmark). Either way nothing of it is saved:
    the caller's transaction must be rolled back.
    """
    if not verwaltungen_user_may_order_for(user=user).filter(pk=verwaltung.pk).exists():
        raise ValidationError(f"Sie dürfen nicht für {verwaltung.name} bestellen.")
    lines = list(order.lines.select_related("product__ozg_dienst"))
    dienste = [line.product.ozg_dienst for line in lines]
    gemeinden = gemeinden_validate(verwaltung=verwaltung, gemeinden=gemeinden)
    versions = agreements_validate(dienste=dienste, accepted=accepted_versions)
    data_protection_required = requires_data_protection_contact(versions=versions)
    contacts = contacts_validate(
        contacts=contacts, data_protection_required=data_protection_required
    )
    wished_start_date = wished_start_date_validate(day=wished_start_date)
    plan = order_plan(verwaltung=verwaltung, gemeinden=gemeinden, dienste=dienste)
    try:
        plan_validate(plan=plan)
    except ValidationError as error:
        raise OrderConflict(" ".join(error.messages)) from error
    if confirmed_plan is not None:
        plan_confirm(plan=plan, confirmed=confirmed_plan)

    details = OrderDetails.objects.create(
        order=order,
        verwaltung=verwaltung,
        wished_start_date=wished_start_date,
        remarks=remarks.strip(),
    )
    OrderContact.objects.bulk_create(
        OrderContact(
            details=details,
            role=contact.role,
            name=contact.name.strip(),
            email=contact.email.strip(),
            phone=contact.phone.strip(),
        )
        for contact in contacts
    )
    ordered = OrderedService.objects.bulk_create(
        OrderedService(line=line, details=details, dienst=planned.dienst, verwaltung=verwaltung)
        for line, planned in zip(lines, plan, strict=True)
    )
    coverage = [
        ServiceCoverage(
            ordered_service=service,
            dienst=planned.dienst,
            verwaltung=verwaltung,
            gemeinde=gemeinde,
        )
        for service, planned in zip(ordered, plan, strict=True)
        for gemeinde in (planned.gemeinden or [None])
    ]
    try:
        # A savepoint, so that the caller's transaction stays usable after a conflict.
        with transaction.atomic():
            ServiceCoverage.objects.bulk_create(coverage)
    except IntegrityError as error:
        raise OrderConflict(
            "Während Sie bestellt haben, hat jemand anderes mindestens einen dieser Dienste für "
            "eine der gewählten Gemeinden bestellt. Ihre Bestellung wurde nicht gespeichert; "
            "bitte prüfen Sie Ihre Auswahl."
        ) from error
    acceptance_records_create(
        order=order, versions=versions, user=user, verwaltung=verwaltung, ip_address=ip_address
    )
    return details


def order_place(
    *,
    user: User,
    verwaltung: Verwaltung,
    dienste: Sequence[Dienst],
    gemeinden: Iterable[Gemeinde],
    contacts: Sequence[ContactData],
    wished_start_date: datetime.date,
    remarks: str = "",
    ip_address: str | None = None,
) -> "Order":
    """Place an order of the services for the Verwaltung without the checkout's pages, as the
    checkout places it (Oscar's OrderCreator and `order_details_create` in one transaction),
    accepting every required agreement in its current version: for the demo data and tests.
    Refuses as `order_details_create` does, and then keeps nothing."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for dienst in dienste:
        basket.add_product(dienst.product, 1)
    shipping_method = NoShippingRequired()
    shipping_charge = shipping_method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    with transaction.atomic():
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=shipping_method,
            shipping_charge=shipping_charge,
            user=user,
            order_number=str(100000 + basket.pk),
        )
        order_details_create(
            order=order,
            user=user,
            verwaltung=verwaltung,
            gemeinden=gemeinden,
            contacts=contacts,
            wished_start_date=wished_start_date,
            remarks=remarks,
            accepted_versions=agreements_required_for(dienste=list(dienste)),
            ip_address=ip_address,
        )
        basket.submit()
    return order


def order_confirmation_send(*, details: OrderDetails) -> None:
    """The German confirmation to the person who ordered and the Verwaltung's Funktionspostfach,
    after the order has committed."""
    order = details.order
    contacts = list(details.contacts.all())
    services = list(
        details.services.select_related("dienst").prefetch_related("coverage__gemeinde")
    )
    records = list(
        order.acceptance_records.select_related("agreement_version__agreement").order_by(
            "agreement_version__agreement__title"
        )
    )
    mailbox = next((c.email for c in contacts if c.role == ContactRole.MAILBOX), None)
    recipients = list(dict.fromkeys(email for email in (order.user.email, mailbox) if email))
    body = render_to_string(
        "shop/orders/email/order_confirmation.txt",
        {
            "order": order,
            "details": details,
            "contacts": contacts,
            "services": services,
            "records": records,
            "status_url": order_status_url(order=order),
        },
    )
    mail_after_commit(
        subject=f"Ihre Bestellung {order.number} im OZG-Dienste-Shop",
        body=body,
        recipients=recipients,
    )
