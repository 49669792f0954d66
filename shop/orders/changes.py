"""Changes after ordering: the members with ordering rights (bestellberechtigt) of a Verwaltung
correct the contacts of its orders and ask to withdraw (stornieren) a service that is not yet
live; the fulfilment staff confirm or reject such a request.

- A contact correction is kept per role as an immutable ContactChange (who, when, old and new
  values); the fulfilment staff see the old values on the dashboard's order page and get an
  e-mail (outbox). Submitting the same correction twice records it once: the second finds
  nothing to change.
- A withdrawal request (WithdrawalRequest) needs a reason; a live or ended service cannot be
  withdrawn, and one open request per service is all there is (the database says so too). On
  confirmation the service goes to "Storniert" with that reason through the rollout's single
  transition (`rollout.lines_status_change`, which writes the event and mails the Verwaltung);
  a rejection is mailed with the staff's reason.

Reading members ("lesend") may do neither (ChangeRefused); members of another Verwaltung never
get this far (the views answer 404).
"""

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.agreements.selectors import requires_data_protection_contact
from shop.mail import mail_after_commit
from shop.models import (
    ENDED_STATUSES,
    ContactChange,
    ContactRole,
    OrderContact,
    OrderDetails,
    OrderedService,
    RolloutStatus,
    User,
    Verwaltung,
    WithdrawalRequest,
)
from shop.orders.messages import author_name, member_recipients, staff_recipients
from shop.orders.pipeline import line_status_pipeline
from shop.orders.rollout import lines_status_change, order_status_url
from shop.orders.services import CONTACT_PARTS, ContactData, contacts_validate

REASON_MAX_LENGTH = WithdrawalRequest._meta.get_field("reason").max_length
READ_ONLY = (
    "Sie sind für diese Verwaltung nur mit Leserecht freigeschaltet. Ansprechpersonen ändern und "
    "Stornierungen beantragen können nur bestellberechtigte Mitglieder."
)
REASON_REQUIRED = "Bitte begründen Sie die Stornierung; die Begründung geht an das Umsetzungsteam."
REJECTION_REASON_REQUIRED = "Bitte begründen Sie die Ablehnung; die Begründung geht an die Kommune."
ALREADY_OPEN = (
    "Für „{title}“ liegt bereits ein offener Antrag auf Stornierung vor. Das Umsetzungsteam "
    "entscheidet darüber; Sie erhalten dazu eine E-Mail."
)
ALREADY_DECIDED = "Über diesen Antrag auf Stornierung ist bereits entschieden."


class ChangeRefused(PermissionDenied):
    """The person may not change this order (German message)."""


# Rules without the database


@dataclasses.dataclass(frozen=True)
class ContactDifference:
    """One role whose contact differs: None where the role had or has no contact."""

    role: str
    old: ContactData | None
    new: ContactData | None


def _stripped(contact: ContactData | None) -> tuple[str, str, str]:
    if contact is None:
        return ("", "", "")
    return (contact.name.strip(), contact.email.strip(), contact.phone.strip())


def _parts(contact: ContactData | None) -> tuple[str, str, str]:
    name, email, phone = _stripped(contact)
    return (name, email.lower(), phone)


def contact_differences(
    *, old: Mapping[str, ContactData], new: Mapping[str, ContactData]
) -> list[ContactDifference]:
    """The roles whose name, e-mail (not its case) or telephone differ, in the checkout's order
    of roles."""
    return [
        ContactDifference(role=role, old=old.get(role), new=new.get(role))
        for role in ContactRole.values
        if _parts(old.get(role)) != _parts(new.get(role))
    ]


def withdrawal_obstacle(*, title: str, status: str, has_open_request: bool) -> str:
    """Why a service with this line status cannot be withdrawn now (German), or ""."""
    if status == RolloutStatus.LIVE:
        return (
            f"„{title}“ ist bereits live und kann hier nicht storniert werden. Bitte wenden Sie "
            "sich mit einer Rückfrage an das Umsetzungsteam."
        )
    if status in ENDED_STATUSES:
        return f"„{title}“ ist bereits „{status}“."
    if RolloutStatus.CANCELLED not in line_status_pipeline().get(status, ()):
        return f"„{title}“ kann im Status „{status}“ nicht storniert werden."
    if has_open_request:
        return ALREADY_OPEN.format(title=title)
    return ""


def reason_clean(*, reason: str, required_message: str) -> str:
    reason = (reason or "").replace("\r\n", "\n").strip()
    if not reason:
        raise ValidationError(required_message, code="required")
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            f"Die Begründung ist {len(reason)} Zeichen lang; erlaubt sind höchstens "
            f"{REASON_MAX_LENGTH} Zeichen.",
            code="max_length",
        )
    return reason


# Reads


def may_change_orders(*, user: User, verwaltung: Verwaltung) -> bool:
    """Whether the person is an approved member with ordering rights of the Verwaltung. One
    query."""
    return verwaltungen_user_may_order_for(user=user).filter(pk=verwaltung.pk).exists()


def data_protection_required(*, details: OrderDetails) -> bool:
    """Whether the order names a Datenschutz contact: it accepted an AVV."""
    versions = [
        record.agreement_version
        for record in details.order.acceptance_records.select_related(
            "agreement_version__agreement"
        )
    ]
    return requires_data_protection_contact(versions=versions)


def contact_change_list(*, details: OrderDetails) -> list[ContactChange]:
    """The order's contact corrections, newest first, with who made them. One query."""
    return list(
        ContactChange.objects.filter(details=details)
        .select_related("changed_by")
        .order_by("-changed_at", "-pk")
    )


def withdrawal_request_list(*, details: OrderDetails) -> list[WithdrawalRequest]:
    """The order's withdrawal requests, newest first, with service and people. One query."""
    return list(
        WithdrawalRequest.objects.filter(ordered_service__details=details)
        .select_related("ordered_service__dienst", "ordered_service__line", "requested_by")
        .select_related("decided_by")
        .order_by("-requested_at", "-pk")
    )


@dataclasses.dataclass(frozen=True)
class WithdrawalOption:
    """One service of an order as the withdrawal section of its page shows it."""

    line_id: int
    title: str
    status: str
    obstacle: str
    open_request: WithdrawalRequest | None


def withdrawal_options(
    *, lines: Iterable, requests: Sequence[WithdrawalRequest]
) -> list[WithdrawalOption]:
    """Per order line (with its ordered service) whether it can be withdrawn now."""
    open_by_service = {
        request.ordered_service_id: request
        for request in requests
        if request.status == WithdrawalRequest.Status.OPEN
    }
    options = []
    for line in lines:
        service = getattr(line, "ozg_service", None)
        if service is None:
            continue
        open_request = open_by_service.get(service.pk)
        options.append(
            WithdrawalOption(
                line_id=line.pk,
                title=line.title,
                status=line.status,
                obstacle=withdrawal_obstacle(
                    title=line.title, status=line.status, has_open_request=open_request is not None
                ),
                open_request=open_request,
            )
        )
    return options


def _staff_order_url(*, order) -> str:
    return settings.SHOP_BASE_URL + reverse(
        "dashboard:order-detail", kwargs={"number": order.number}
    )


# Writes


def _ordering_member_check(*, user: User, verwaltung: Verwaltung) -> None:
    if not may_change_orders(user=user, verwaltung=verwaltung):
        raise ChangeRefused(READ_ONLY)


def order_contacts_change(
    *, details: OrderDetails, user: User, contacts: Sequence[ContactData]
) -> list[ContactChange]:
    """Replace the order's contacts by `contacts` (the checkout's rules: contacts_validate),
    recording one ContactChange per role that differs and mailing the fulfilment staff after
    commit. Nothing differs: nothing is recorded or mailed (a double submit). ChangeRefused
    for a person without ordering rights; ValidationError (by `contact_field`), nothing saved."""
    _ordering_member_check(user=user, verwaltung=details.verwaltung)
    checked = contacts_validate(
        contacts=contacts, data_protection_required=data_protection_required(details=details)
    )
    with transaction.atomic():
        # One correction at a time per order: the second of two compares with the first's.
        OrderDetails.objects.select_for_update().filter(pk=details.pk).first()
        current = {contact.role: contact for contact in details.contacts.all()}
        old = {
            role: ContactData(role=role, **{part: getattr(c, part) for part in CONTACT_PARTS})
            for role, c in current.items()
        }
        differences = contact_differences(
            old=old, new={contact.role: contact for contact in checked}
        )
        changes = []
        for difference in differences:
            old_parts, new_parts = (
                dict(zip(CONTACT_PARTS, _stripped(contact), strict=True))
                for contact in (difference.old, difference.new)
            )
            changes.append(
                ContactChange.objects.create(
                    details=details,
                    role=difference.role,
                    changed_by=user,
                    **{f"old_{part}": value for part, value in old_parts.items()},
                    **{f"new_{part}": value for part, value in new_parts.items()},
                )
            )
            if difference.new is None:
                current[difference.role].delete()
            else:
                OrderContact.objects.update_or_create(
                    details=details, role=difference.role, defaults=new_parts
                )
        if changes:
            _mail_staff(
                details=details,
                subject=f"Ansprechpersonen der Bestellung {details.order.number} geändert "
                f"({details.verwaltung.name})",
                template="shop/orders/email/contacts_changed_to_staff.txt",
                context={"changes": changes, "user_name": author_name(user=user), "user": user},
            )
    return changes


def _mail_staff(*, details: OrderDetails, subject: str, template: str, context: dict) -> None:
    recipients = staff_recipients()
    if not recipients:
        return
    order = details.order
    body = render_to_string(
        template,
        {
            **context,
            "order": order,
            "verwaltung": details.verwaltung,
            "order_url": _staff_order_url(order=order),
        },
    )
    mail_after_commit(subject=subject, body=body, recipients=recipients)


def withdrawal_request_create(
    *, ordered_service: OrderedService, user: User, reason: str
) -> WithdrawalRequest:
    """Ask to withdraw the service, with a reason, and mail the fulfilment staff after commit.
    ChangeRefused without ordering rights; ValidationError (German) without a reason, for a
    live or ended service, and while a request for it is open (also for a double submit)."""
    details = ordered_service.details
    _ordering_member_check(user=user, verwaltung=details.verwaltung)
    reason = reason_clean(reason=reason, required_message=REASON_REQUIRED)
    with transaction.atomic():
        service = (
            OrderedService.objects.select_for_update()
            .select_related("line", "dienst")
            .get(pk=ordered_service.pk)
        )
        obstacle = withdrawal_obstacle(
            title=service.line.title,
            status=service.line.status,
            has_open_request=service.withdrawal_requests.filter(
                status=WithdrawalRequest.Status.OPEN
            ).exists(),
        )
        if obstacle:
            raise ValidationError(obstacle)
        try:
            # A savepoint: should a concurrent request win, the constraint refuses this one.
            with transaction.atomic():
                withdrawal = WithdrawalRequest.objects.create(
                    ordered_service=service, requested_by=user, reason=reason
                )
        except IntegrityError as error:
            raise ValidationError(ALREADY_OPEN.format(title=service.line.title)) from error
        _mail_staff(
            details=details,
            subject=f"Antrag auf Stornierung zu Bestellung {details.order.number} "
            f"({details.verwaltung.name})",
            template="shop/orders/email/withdrawal_requested_to_staff.txt",
            context={"withdrawal": withdrawal, "title": service.line.title},
        )
    return withdrawal


def _open_request_lock(*, withdrawal: WithdrawalRequest) -> WithdrawalRequest:
    locked = (
        WithdrawalRequest.objects.select_for_update()
        .select_related("ordered_service__line", "ordered_service__details__order")
        .get(pk=withdrawal.pk)
    )
    if locked.status != WithdrawalRequest.Status.OPEN:
        raise ValidationError(ALREADY_DECIDED)
    return locked


def _decide(*, withdrawal: WithdrawalRequest, user: User, status: str, reason: str = "") -> None:
    withdrawal.status = status
    withdrawal.decided_by = user
    withdrawal.decided_at = timezone.now()
    withdrawal.decision_reason = reason
    withdrawal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])


@transaction.atomic
def withdrawal_confirm(*, withdrawal: WithdrawalRequest, user: User) -> WithdrawalRequest:
    """Confirm the open request: its service goes to "Storniert" with the request's reason
    through the rollout (event, order status, the Verwaltung's e-mail). ValidationError
    (German) when it was decided already or the service has gone live or ended since; then
    nothing changes. Whether `user` is fulfilment staff is the caller's check."""
    withdrawal = _open_request_lock(withdrawal=withdrawal)
    line = withdrawal.ordered_service.line
    # The service may have gone live since the Verwaltung asked; the pipeline would still let
    # staff cancel it, a request of the Verwaltung does not.
    obstacle = withdrawal_obstacle(title=line.title, status=line.status, has_open_request=False)
    if obstacle:
        raise ValidationError(
            f"{obstacle} Der Antrag der Verwaltung kann nicht mehr bestätigt werden; bitte "
            "lehnen Sie ihn mit Begründung ab."
        )
    lines_status_change(
        lines=[withdrawal.ordered_service.line],
        new_status=RolloutStatus.CANCELLED,
        user=user,
        reason=withdrawal.reason,
    )
    _decide(withdrawal=withdrawal, user=user, status=WithdrawalRequest.Status.CONFIRMED)
    return withdrawal


@transaction.atomic
def withdrawal_reject(
    *, withdrawal: WithdrawalRequest, user: User, reason: str
) -> WithdrawalRequest:
    """Reject the open request with a reason, which the Verwaltung gets by e-mail (its
    Funktionspostfach, the person who ordered and the person who asked). The service stays as
    it is. ValidationError (German) without a reason or when it was decided already."""
    reason = reason_clean(reason=reason, required_message=REJECTION_REASON_REQUIRED)
    withdrawal = _open_request_lock(withdrawal=withdrawal)
    _decide(
        withdrawal=withdrawal, user=user, status=WithdrawalRequest.Status.REJECTED, reason=reason
    )
    details = withdrawal.ordered_service.details
    recipients = member_recipients(details=details)
    if withdrawal.requested_by.email and withdrawal.requested_by.is_active:
        recipients = list(dict.fromkeys([*recipients, withdrawal.requested_by.email]))
    if recipients:
        order = details.order
        mail_after_commit(
            subject=f"Bestellung {order.number}: Stornierung von "
            f"„{withdrawal.ordered_service.line.title}“ abgelehnt",
            body=render_to_string(
                "shop/orders/email/withdrawal_rejected_to_municipality.txt",
                {
                    "withdrawal": withdrawal,
                    "order": order,
                    "verwaltung": details.verwaltung,
                    "title": withdrawal.ordered_service.line.title,
                    "status_url": order_status_url(order=order),
                },
            ),
            recipients=recipients,
        )
    return withdrawal


def withdrawal_get_for_order(*, order, withdrawal_id: str) -> WithdrawalRequest:
    """A withdrawal request of the order by its id (as posted), or
    WithdrawalRequest.DoesNotExist."""
    if not str(withdrawal_id).isdigit() or not 0 < int(withdrawal_id) < 2**63:
        raise WithdrawalRequest.DoesNotExist
    return WithdrawalRequest.objects.get(
        pk=int(withdrawal_id), ordered_service__details__order=order
    )


@dataclasses.dataclass(frozen=True)
class MemberChanges:
    """What the member's order page offers to change: whether the person may, and per service
    whether it can be withdrawn, with the order's withdrawal requests."""

    may_change: bool
    options: list[WithdrawalOption]
    requests: list[WithdrawalRequest]


def member_changes(*, user: User, details: OrderDetails, lines: Iterable) -> MemberChanges:
    """For the order page of a member (lines with their ordered service). Two queries."""
    requests = withdrawal_request_list(details=details)
    return MemberChanges(
        may_change=may_change_orders(user=user, verwaltung=details.verwaltung),
        options=withdrawal_options(lines=lines, requests=requests),
        requests=requests,
    )
