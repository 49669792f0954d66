"""Writes about orders: placing an order of a Verwaltung (`order_place`, the only place where
orders are created) and telling it.

Every rule of an order and its German wording lives here once; the checkout's forms and steps
reuse these validators and messages to tell the person early, and `order_place` checks all of
them again, because a step may be old or tampered with.
"""

import dataclasses
import datetime
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from oscar.core.loading import get_class

from shop.accounts.selectors import membership_ordering_obstacle, verwaltungen_user_may_order_for
from shop.agreements.selectors import (
    agreements_required_for,
    agreements_without_current_version,
    requires_data_protection_contact,
)
from shop.agreements.services import acceptance_records_create
from shop.dienste.responsibility import responsibility_validate
from shop.integrations.webhooks import webhook_events_publish
from shop.mail import Attachment, mail_after_commit
from shop.mail.services import outgoing_mail_attach, outgoing_mail_release
from shop.models import (
    Agreement,
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
    WebhookEvent,
)
from shop.orders import documents
from shop.orders.documents import CONFIRMATION_DOCUMENT_WAIT
from shop.orders.rollout import order_status_url
from shop.orders.selectors import (
    NOT_A_SERVICE,
    PlannedService,
    gemeinden_for_ordering,
    order_placed_from_basket,
    order_plan,
    order_record_for_staff,
)
from shop.oscar_models import Basket

if TYPE_CHECKING:
    from oscar.apps.basket.models import Basket as BasketModel
    from oscar.apps.order.models import Order

logger = logging.getLogger(__name__)

OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
Selector = get_class("partner.strategy", "Selector")

REQUIRED_CONTACT_ROLES = (ContactRole.SUBJECT, ContactRole.TECHNICAL, ContactRole.MAILBOX)
CONTACT_PARTS = ("name", "email", "phone")
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ()/\-]{4,38}$",
    "Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - an.",
)
EMAIL_INVALID = "Bitte geben Sie eine gültige E-Mail-Adresse an."
GEMEINDEN_REQUIRED = "Bitte wählen Sie mindestens eine Gemeinde."
START_DATE_REQUIRED = "Bitte geben Sie den gewünschten Starttermin an."
BASKET_EMPTY = "Ihr Warenkorb ist leer. Bitte legen Sie zuerst Dienste in den Warenkorb."
ORDER_ALREADY_PLACED = "Ihre Bestellung ist bereits eingegangen; sie wurde nur einmal aufgegeben."


# A wished start further ahead than this is a typing error (31.12.9999) or a plan rather than an
# order: agreements get new versions and services change in that time, and three years already
# cover a municipal Doppelhaushalt with the year that prepares it.
WISHED_START_MAX_YEARS = 3


class OrderConflict(Exception):
    """The order cannot be placed as it is (German message for the person)."""


class OrderPlanChanged(OrderConflict):
    """What the order would set up is no longer what the person confirmed on the review."""


class OrderAlreadyPlaced(OrderConflict):
    """The basket was ordered already (a second click, a second tab): `order` is the order
    placed from it, None when the basket is not the person's or no longer open otherwise."""

    def __init__(self, order: "Order | None") -> None:
        super().__init__(ORDER_ALREADY_PLACED)
        self.order = order


@dataclasses.dataclass(frozen=True)
class ContactData:
    role: str
    email: str
    name: str = ""
    phone: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class OrderSubmission:
    """What a person submits to order the services of a basket for a Verwaltung.

    `confirmed_plan`: per service id the ids of the Gemeinden the review showed (see
    `plan_confirm`); None where no person reviewed anything (test data, the benchmark)."""

    user: User
    verwaltung: Verwaltung
    gemeinden: tuple[Gemeinde, ...]
    contacts: tuple[ContactData, ...]
    wished_start_date: datetime.date | None
    accepted_version_ids: tuple[int, ...]
    remarks: str = ""
    ip_address: str | None = None
    confirmed_plan: Mapping[int, Collection[int]] | None = None


def contact_field(role: str, part: str) -> str:
    """The code under which a contact's name, email or phone is validated: `<role>_<part>`."""
    return f"{role}_{part}"


def contact_missing(*, role: str, part: str, also: bool = False) -> str:
    """The request for a missing name or e-mail address of a role; `also` for a role that is
    optional but was begun."""
    what = "den Namen" if part == "name" else "die E-Mail-Adresse"
    return f"Bitte geben Sie {'auch ' if also else ''}{what} ({ContactRole(role).label}) an."


def contacts_validate(
    *, contacts: Sequence[ContactData], data_protection_required: bool
) -> list[ContactData]:
    """The contacts without empty optional ones, in the order of the roles; ValidationError
    (German, by `contact_field`) for a missing role, a person without name, an invalid e-mail
    address or telephone number."""
    by_role = {contact.role: contact for contact in contacts if contact.email or contact.name}
    required = list(REQUIRED_CONTACT_ROLES)
    if data_protection_required:
        required.append(ContactRole.DATA_PROTECTION)
    problems: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        problems.setdefault(field, []).append(message)

    # The required roles and the optional ones begun; an optional one begun needs "auch" both.
    for role in dict.fromkeys([*required, *by_role]):
        if role not in ContactRole.values:
            refuse(NON_FIELD_ERRORS, "Unbekannte Rolle einer Ansprechperson.")
            continue
        contact = by_role.get(role, ContactData(role=role, email=""))
        also = role not in required
        if role != ContactRole.MAILBOX and not contact.name.strip():
            refuse(contact_field(role, "name"), contact_missing(role=role, part="name", also=also))
        if not contact.email:
            refuse(
                contact_field(role, "email"), contact_missing(role=role, part="email", also=also)
            )
        try:
            if contact.email:
                validate_email(contact.email)
        except ValidationError:
            refuse(contact_field(role, "email"), EMAIL_INVALID)
        try:
            if contact.phone:
                PHONE_VALIDATOR(contact.phone)
        except ValidationError as error:
            refuse(contact_field(role, "phone"), " ".join(error.messages))
    if problems:
        raise ValidationError(problems)
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
        raise ValidationError(START_DATE_REQUIRED)
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
        raise ValidationError(GEMEINDEN_REQUIRED)
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
                "Wählen Sie weitere Gemeinden oder entfernen Sie den Dienst aus dem Warenkorb."
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


def agreement_not_accepted(*, agreement: Agreement) -> str:
    return f"Bitte nehmen Sie „{agreement.title}“ an, um zu bestellen."


def agreements_publishable_validate(*, dienste: Iterable[Dienst]) -> None:
    """ValidationError (German) naming each agreement the services require that has no valid
    published version: until the editors publish one, these services cannot be ordered."""
    missing = agreements_without_current_version(dienste=dienste)
    if missing:
        raise ValidationError(
            [
                f"Für „{agreement.title}“ ist noch keine gültige Fassung veröffentlicht. "
                "Bitte wenden Sie sich an den ITVSH; bis dahin kann nicht bestellt werden."
                for agreement in missing
            ]
        )


def agreements_validate(
    *, dienste: Iterable[Dienst], accepted_ids: Collection[int]
) -> list[AgreementVersion]:
    """The current versions of all agreements the services require, each of which must be among
    the accepted versions; ValidationError (German) for each one missing, outdated or without a
    valid version."""
    dienste = list(dienste)
    agreements_publishable_validate(dienste=dienste)
    required = agreements_required_for(dienste=dienste)
    problems = [
        agreement_not_accepted(agreement=version.agreement)
        for version in required
        if version.pk not in accepted_ids
    ]
    if problems:
        raise ValidationError(problems)
    return required


def ordering_validate(*, user: User, verwaltung: Verwaltung | None = None) -> None:
    """ValidationError (German, with what to do) unless the person may order, and may order
    for the Verwaltung if one is given."""
    obstacle = membership_ordering_obstacle(user=user)
    if obstacle:
        raise ValidationError(obstacle)
    if verwaltung is not None and not (
        verwaltungen_user_may_order_for(user=user).filter(pk=verwaltung.pk).exists()
    ):
        raise ValidationError(f"Sie dürfen nicht für {verwaltung.name} bestellen.")


def dienste_validate(*, dienste: Sequence[Dienst | None]) -> list[Dienst]:
    """The services of an order (None: a line without one); ValidationError (German) for an
    empty order, a product that is no service, and each service that cannot be ordered now."""
    if not dienste:
        raise ValidationError(BASKET_EMPTY)
    problems = [
        NOT_A_SERVICE if dienst is None else f"„{dienst.title}“: {dienst.unorderable_reason}"
        for dienst in dienste
        if dienst is None or not dienst.is_orderable
    ]
    if problems:
        raise ValidationError(problems)
    return list(dienste)


@dataclasses.dataclass(frozen=True)
class _CheckedOrder:
    dienste: list[Dienst]
    gemeinden: list[Gemeinde]
    versions: list[AgreementVersion]
    contacts: list[ContactData]
    wished_start_date: datetime.date
    plan: list[PlannedService]


def _submission_check(
    *, submission: OrderSubmission, dienste: Sequence[Dienst | None]
) -> _CheckedOrder:
    """Every rule of an order. ValidationError (German) by what is wrong (`verwaltung`,
    `dienste`, `gemeinden`, `accepted_version_ids`, `contacts`, `wished_start_date`), all at once;
    OrderConflict when another order came first for a service and Gemeinde; OrderPlanChanged
    when the order would no longer set up what the person confirmed."""
    problems: dict[str, list[str]] = {}

    def checked(field: str, validate, **kwargs):
        try:
            return validate(**kwargs)
        except ValidationError as error:
            problems[field] = error.messages
            return None

    checked("verwaltung", ordering_validate, user=submission.user, verwaltung=submission.verwaltung)
    dienste = checked("dienste", dienste_validate, dienste=dienste) or []
    if dienste and submission.verwaltung is not None:
        checked(
            "dienste", responsibility_validate, verwaltung=submission.verwaltung, dienste=dienste
        )
    gemeinden = checked(
        "gemeinden",
        gemeinden_validate,
        verwaltung=submission.verwaltung,
        gemeinden=submission.gemeinden,
    )
    versions = checked(
        "accepted_version_ids",
        agreements_validate,
        dienste=dienste,
        accepted_ids=set(submission.accepted_version_ids),
    )
    contacts = checked(
        "contacts",
        contacts_validate,
        contacts=submission.contacts,
        data_protection_required=requires_data_protection_contact(
            versions=versions or agreements_required_for(dienste=dienste)
        ),
    )
    wished_start_date = checked(
        "wished_start_date", wished_start_date_validate, day=submission.wished_start_date
    )
    if problems:
        raise ValidationError(problems)
    plan = order_plan(verwaltung=submission.verwaltung, gemeinden=gemeinden, dienste=dienste)
    try:
        plan_validate(plan=plan)
    except ValidationError as error:
        raise OrderConflict(" ".join(error.messages)) from error
    if submission.confirmed_plan is not None:
        plan_confirm(plan=plan, confirmed=submission.confirmed_plan)
    return _CheckedOrder(
        dienste=dienste,
        gemeinden=gemeinden,
        versions=versions,
        contacts=contacts,
        wished_start_date=wished_start_date,
        plan=plan,
    )


def _basket_lock(*, basket: "BasketModel", user: User) -> None:
    """Lock the basket's row until the order is committed, so that a second submit of the same
    basket waits and then finds it ordered: OrderAlreadyPlaced once it is no longer open."""
    still_open = Basket.objects.select_for_update().filter(
        pk=basket.pk, owner=user, status=Basket.OPEN
    )
    if not still_open.exists():
        raise OrderAlreadyPlaced(order_placed_from_basket(user=user, basket_id=basket.pk))


def _basket_create(*, user: User, dienste: Iterable[Dienst]) -> "BasketModel":
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for dienst in dienste:
        basket.add_product(dienst.product, 1)
    return basket


def _basket_dienste(*, basket: "BasketModel") -> list[Dienst | None]:
    """Per line of the basket its service (None for a product that is none). One query."""
    product_ids = [line.product_id for line in basket.all_lines()]
    by_product = {d.product_id: d for d in Dienst.objects.filter(product_id__in=product_ids)}
    return [by_product.get(pk) for pk in product_ids]


def _oscar_order_create(*, basket: "BasketModel", user: User) -> "Order":
    """Oscar's order of the basket: free, nothing shipped, numbered by Oscar's generator."""
    shipping_method = NoShippingRequired()
    shipping_charge = shipping_method.calculate(basket)
    return OrderCreator().place_order(
        basket=basket,
        total=OrderTotalCalculator().calculate(basket, shipping_charge),
        shipping_method=shipping_method,
        shipping_charge=shipping_charge,
        user=user,
        order_number=str(OrderNumberGenerator().order_number(basket)),
    )


def _order_details_create(
    *, order: "Order", submission: OrderSubmission, checked: _CheckedOrder
) -> OrderDetails:
    """The shop's record of the order: the Verwaltung, its Gemeinden per service, the contacts
    and one acceptance record per agreement. OrderConflict when a concurrent order took a
    service for a Gemeinde first (the database's constraint)."""
    verwaltung = submission.verwaltung
    details = OrderDetails.objects.create(
        order=order,
        verwaltung=verwaltung,
        wished_start_date=checked.wished_start_date,
        remarks=submission.remarks.strip(),
    )
    OrderContact.objects.bulk_create(
        OrderContact(
            details=details,
            role=contact.role,
            name=contact.name.strip(),
            email=contact.email.strip(),
            phone=contact.phone.strip(),
        )
        for contact in checked.contacts
    )
    by_product = {line.product_id: line for line in order.lines.all()}
    ordered = OrderedService.objects.bulk_create(
        OrderedService(
            line=by_product[planned.dienst.product_id],
            details=details,
            dienst=planned.dienst,
            verwaltung=verwaltung,
        )
        for planned in checked.plan
    )
    coverage = [
        ServiceCoverage(
            ordered_service=service,
            dienst=planned.dienst,
            verwaltung=verwaltung,
            gemeinde=gemeinde,
        )
        for service, planned in zip(ordered, checked.plan, strict=True)
        for gemeinde in (planned.gemeinden or [None])
    ]
    try:
        # A savepoint: the constraint's error must not break the transaction it is part of.
        with transaction.atomic():
            ServiceCoverage.objects.bulk_create(coverage)
    except IntegrityError as error:
        raise OrderConflict(
            "Während Sie bestellt haben, hat jemand anderes mindestens einen dieser Dienste für "
            "eine der gewählten Gemeinden bestellt. Ihre Bestellung wurde nicht gespeichert; "
            "bitte prüfen Sie Ihre Auswahl."
        ) from error
    acceptance_records_create(
        order=order,
        versions=checked.versions,
        user=submission.user,
        verwaltung=verwaltung,
        ip_address=submission.ip_address,
    )
    return details


def order_place(
    *,
    submission: OrderSubmission,
    basket: "BasketModel | None" = None,
    dienste: Sequence[Dienst] = (),
    document: bool = True,
) -> "Order":
    """Place the order of the basket's services (without a basket: of `dienste`, in a basket
    made for it) as submitted: Oscar's order, the shop's order details and acceptance records,
    the basket submitted and the confirmation mailed after the commit, all in one transaction.
    The confirmation carries the order document (PDF), made in the background after the commit
    (shop.orders.documents); `document=False` sends it at once without (the demo data: the
    document is made when someone downloads it).

    The basket's row is locked first: OrderAlreadyPlaced when it is no longer open (a double
    submit). Then every rule is checked (`_submission_check`: ValidationError by field,
    OrderConflict, OrderPlanChanged). Whatever is refused, nothing of the order is kept.
    """
    with transaction.atomic():
        if basket is None:
            basket = _basket_create(user=submission.user, dienste=dienste)
        else:
            _basket_lock(basket=basket, user=submission.user)
        checked = _submission_check(submission=submission, dienste=_basket_dienste(basket=basket))
        order = _oscar_order_create(basket=basket, user=submission.user)
        details = _order_details_create(order=order, submission=submission, checked=checked)
        basket.submit()
        order_confirmation_send(details=details, document=document)
        webhook_events_publish(
            event=WebhookEvent.ORDER_PLACED,
            payloads=_order_placed_payload(order=order, details=details, plan=checked.plan),
        )
    return order


def _order_placed_payload(*, order: "Order", details: OrderDetails, plan):
    """The webhook's data of a placed order (a generator: read only when someone subscribed)."""
    lines = {line.product_id: line for line in order.lines.all()}
    verwaltung = details.verwaltung
    yield {
        "order_number": order.number,
        "date_placed": order.date_placed,
        "status": order.status,
        "verwaltung": {
            "id": verwaltung.pk,
            "name": verwaltung.name,
            "regional_key": verwaltung.regional_key,
        },
        "wished_start_date": details.wished_start_date,
        "positions": [
            {
                "position_id": lines[planned.dienst.product_id].pk,
                "dienst": {"id": planned.dienst.pk, "title": planned.dienst.title},
                "gemeinden": [gemeinde.ags for gemeinde in planned.gemeinden],
            }
            for planned in plan
        ],
    }


def order_confirmation_send(*, details: OrderDetails, document: bool = True) -> None:
    """The German confirmation to the person who ordered and the Verwaltung's Funktionspostfach,
    after the order has committed; with `document` held until the background task has attached
    the order document (shop.orders.documents)."""
    order = details.order
    contacts = list(details.contacts.all())
    mailbox = next((c.email for c in contacts if c.role == ContactRole.MAILBOX), None)
    recipients = list(dict.fromkeys(email for email in (order.user.email, mailbox) if email))
    mail = mail_after_commit(
        subject=f"Ihre Bestellung {order.number} im OZG-Dienste-Shop",
        body=order_confirmation_body(details=details, document_attached=document),
        recipients=recipients,
        hold=CONFIRMATION_DOCUMENT_WAIT if document else None,
    )
    if document:
        transaction.on_commit(
            lambda: order_confirmation_document_task.enqueue(order_id=order.pk, mail_id=mail.pk),
            robust=True,
        )


def order_confirmation_body(*, details: OrderDetails, document_attached: bool) -> str:
    """The text of the confirmation; it says whether the order document is attached and
    where to download it in any case."""
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
    return render_to_string(
        "shop/orders/email/order_confirmation.txt",
        {
            "order": order,
            "details": details,
            "contacts": contacts,
            "services": services,
            "records": records,
            "status_url": order_status_url(order=order),
            "document_url": settings.SHOP_BASE_URL
            + reverse("shop_orders:document", kwargs={"number": order.number}),
            "document_attached": document_attached,
        },
    )


def order_confirmation_document_attach(*, order_id: int, mail_id: int) -> str | None:
    """Make the order's document, attach it to its held confirmation mail and release the mail;
    whatever fails in making it, the mail is released without it, its text saying where to
    download the document. Returns the mail's status as the outbox's delivery does."""
    record = None
    try:
        record = order_record_for_staff(order_id=order_id)
        content = documents.order_document_pdf(record=record)
        outgoing_mail_attach(
            mail_id=mail_id,
            attachment=Attachment(
                filename=documents.order_document_filename(number=record.order.number),
                content=content,
                mimetype=documents.PDF_MIMETYPE,
            ),
        )
    except Exception:
        logger.exception("Bestätigung %s geht ohne Bestelldokument hinaus", mail_id)
        body = None
        if record is not None:
            body = order_confirmation_body(details=record.details, document_attached=False)
        return outgoing_mail_release(mail_id=mail_id, body=body)
    return outgoing_mail_release(mail_id=mail_id)


@task()
def order_confirmation_document_task(*, order_id: int, mail_id: int) -> str | None:
    """The queue's entry point: the confirmation mail of an order, completed with its document."""
    return order_confirmation_document_attach(order_id=order_id, mail_id=mail_id)
