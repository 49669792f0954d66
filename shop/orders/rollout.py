"""The rollout of ordered services: moving order lines through the status pipeline
(shop.orders.pipeline, which Oscar's settings follow), with the order's status following its
lines, and telling the Verwaltung at each step.

Everything that changes a line's status goes through `lines_status_change`, so that the rules
(legal transitions, a reason for Abgelehnt/Storniert, an https address for Live), the history,
the Gemeinden that may order again, the order's status and the e-mails stay together.
"""

from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.template import Context, Template
from django.urls import reverse

from shop.integrations.webhooks import webhook_events_publish
from shop.mail import mail_after_commit
from shop.models import (
    ENDED_STATUSES,
    ApiClient,
    OrderedService,
    RolloutEvent,
    RolloutStatus,
    ServiceCoverage,
    User,
    WebhookEvent,
)
from shop.onboarding.selectors import onboarding_missing_for_lines
from shop.orders.pipeline import mail_code_for, mail_type_defaults, order_status_for
from shop.oscar_models import CommunicationEventType, Line, Order, OrderStatusChange

HTTPS_ONLY = URLValidator(schemes=["https"], message="Bitte geben Sie eine https-Adresse an.")


def _check(
    *,
    lines: Sequence,
    new_status: str,
    reason: str,
    service_url: str,
    onboarding_missing: Mapping[int, list[str]] | None = None,
) -> list[str]:
    """What stands against moving `lines` to `new_status`, one German message per problem.
    `onboarding_missing` (per line id, see onboarding_missing_for_lines): given by a caller that
    checks many lines, so that it reads the onboarding data once; else read here."""
    problems = []
    if new_status not in RolloutStatus.values:
        return [f"„{new_status}“ ist kein Status der Umsetzung."]
    if new_status == RolloutStatus.IN_PROGRESS:
        # The rollout team cannot set a service up without the data its checklist requires.
        if onboarding_missing is None:
            onboarding_missing = onboarding_missing_for_lines(line_ids=[line.pk for line in lines])
        for line in lines:
            if onboarding_missing.get(line.pk):
                problems.append(
                    f"„{line.title}“ kann noch nicht auf „{new_status}“ gesetzt werden: Es "
                    f"fehlen noch Angaben der Kommune: {', '.join(onboarding_missing[line.pk])}."
                )
    for line in lines:
        if new_status == line.status:
            problems.append(f"„{line.title}“ hat bereits den Status „{new_status}“.")
        elif new_status not in line.available_statuses():
            allowed = ", ".join(f"„{s}“" for s in line.available_statuses()) or "keiner"
            problems.append(
                f"„{line.title}“ kann nicht von „{line.status}“ auf „{new_status}“ gesetzt "
                f"werden (möglich: {allowed})."
            )
    if new_status in ENDED_STATUSES and not reason.strip():
        problems.append(f"Für „{new_status}“ ist eine Begründung nötig; sie geht an die Kommune.")
    if new_status == RolloutStatus.LIVE:
        if len(lines) != 1:
            problems.append(
                "Live wird jeder Dienst einzeln gesetzt, mit seiner Adresse für die Verwaltung."
            )
        elif not service_url.strip():
            problems.append("Für „Live“ ist die dauerhafte Adresse des Dienstes nötig.")
        else:
            try:
                HTTPS_ONLY(service_url.strip())
            except ValidationError as error:
                problems.extend(error.messages)
    return problems


@transaction.atomic
def lines_status_change(
    *,
    lines: Sequence,
    new_status: str,
    user: User | None,
    reason: str = "",
    service_url: str = "",
    by_staff: bool = True,
    api_client: ApiClient | None = None,
) -> list[RolloutEvent]:
    """Move the order lines (of one order) to `new_status`, all or none.

    Refuses (ValidationError, German, one message per problem) a transition the pipeline does
    not allow, Abgelehnt/Storniert without reason, Live without an https address (Live is set
    per line). Records a RolloutEvent per line with who changed it and whether as the rollout
    team (`by_staff`, the default: the Verwaltung then sees "ITVSH/Dataport", not the name) or
    as a member of the Verwaltung (shown by name), and the operator's system through the status
    API (`api_client`, as the rollout team); an ended line no longer blocks ordering it
    again for its Gemeinden; the order's status follows; the order's contacts get the status
    e-mail after commit.
    """
    lines = list(lines)
    if not lines:
        raise ValidationError("Bitte wählen Sie mindestens einen Dienst.")
    order_ids = {line.order_id for line in lines}
    if len(order_ids) != 1:
        raise ValidationError("Die Dienste müssen zu einer Bestellung gehören.")
    # Lock the lines so that two staff members cannot move the same line at once.
    locked = {
        line.pk: line
        for line in Line.objects.select_for_update().filter(pk__in=[line.pk for line in lines])
    }
    lines = [locked[line.pk] for line in lines]
    problems = _check(lines=lines, new_status=new_status, reason=reason, service_url=service_url)
    if problems:
        raise ValidationError(problems)

    services = {
        service.line_id: service
        for service in OrderedService.objects.filter(line__in=lines).select_related("dienst")
    }
    url = service_url.strip()
    events = lines_move(
        lines=lines,
        services=services,
        new_status=new_status,
        urls={line.pk: url for line in lines},
        reason=reason,
        user=user,
        by_staff=by_staff,
        api_client=api_client,
    )

    order = Order.objects.select_for_update().get(pk=order_ids.pop())
    order_status_follow(order=order)
    rollout_mails_send(order=order, new_status=new_status, events=events)
    return events


def lines_move(
    *,
    lines: Sequence,
    services: Mapping[int, OrderedService],
    new_status: str,
    urls: Mapping[int, str],
    reason: str,
    user: User | None,
    by_staff: bool,
    api_client: ApiClient | None = None,
) -> list[RolloutEvent]:
    """The writes of a checked status change (the caller holds the lines' locks): each line's
    status, its address for Live (`urls` by line id), a RolloutEvent per line, the webhook
    `status.geaendert` per line; ended services no longer block ordering again."""
    events = []
    for line in lines:
        old_status = line.status
        line.set_status(new_status)
        service = services.get(line.pk)
        if service is None:
            continue
        if new_status == RolloutStatus.LIVE:
            service.service_url = urls[line.pk].strip()
            service.save(update_fields=["service_url"])
        events.append(
            RolloutEvent(
                ordered_service=service,
                old_status=old_status,
                new_status=new_status,
                reason=reason.strip(),
                service_url=service.service_url if new_status == RolloutStatus.LIVE else "",
                changed_by=user,
                changed_by_client=api_client,
                by_staff=by_staff,
            )
        )
    if new_status in ENDED_STATUSES:
        ended = [services[line.pk].pk for line in lines if line.pk in services]
        OrderedService.objects.filter(pk__in=ended).update(is_active=False)
        ServiceCoverage.objects.filter(ordered_service__in=ended).update(is_active=False)
    RolloutEvent.objects.bulk_create(events)
    webhook_events_publish(
        event=WebhookEvent.STATUS_CHANGED, payloads=_status_change_payloads(events=events)
    )
    return events


def _status_change_payloads(*, events: Sequence[RolloutEvent]):
    """The webhook's data per status change; a generator, so that nothing is read when nobody
    subscribed, and one query for the orders and Verwaltungen of all the events."""
    services = {
        row["pk"]: row
        for row in OrderedService.objects.filter(
            pk__in=[event.ordered_service_id for event in events]
        ).values(
            "pk",
            "line_id",
            "dienst_id",
            "dienst__title",
            "verwaltung_id",
            "verwaltung__name",
            "verwaltung__regional_key",
            "details__order__number",
        )
    }
    for event in events:
        service = services[event.ordered_service_id]
        yield {
            "order_number": service["details__order__number"],
            "position_id": service["line_id"],
            "dienst": {"id": service["dienst_id"], "title": service["dienst__title"]},
            "verwaltung": {
                "id": service["verwaltung_id"],
                "name": service["verwaltung__name"],
                "regional_key": service["verwaltung__regional_key"],
            },
            "old_status": event.old_status,
            "new_status": event.new_status,
            "reason": event.reason,
            "service_url": event.service_url,
            "changed_at": event.created_at,
            "by_staff": event.by_staff,
            "api_client": event.changed_by_client.name if event.changed_by_client else None,
        }


def order_status_follow(*, order) -> None:
    """Set the order's status from its lines', with Oscar's status history. Not through
    Order.set_status: its cascade would move lines that are further along back."""
    new_status = order_status_for(line_statuses=list(order.lines.values_list("status", flat=True)))
    if new_status == order.status:
        return
    OrderStatusChange.objects.create(order=order, old_status=order.status, new_status=new_status)
    order.status = new_status
    order.save(update_fields=["status"])


def order_status_url(*, order) -> str:
    """Where every member of the Verwaltung follows the order (Meine Dienste)."""
    path = reverse("shop_orders:order", kwargs={"number": order.number})
    return f"{settings.SHOP_BASE_URL}{path}"


def order_mail_recipients(*, order) -> list[str]:
    """Who gets the order's status e-mails: the person who ordered and its contacts, once
    each."""
    contacts = order.ozg_details.contacts.all()
    emails = (order.user.email if order.user else "", *(contact.email for contact in contacts))
    return list(dict.fromkeys(email for email in emails if email))


def rollout_mail_inputs_read(
    *, new_status: str, events: Sequence[RolloutEvent]
) -> tuple[CommunicationEventType | None, dict[int, list[str]]]:
    """What the status e-mails of the events need from the database, read once for all of
    them (of one order or many): the CommunicationEventType of the new status (None if no
    e-mail is due) and the names of the Gemeinden of each ordered service."""
    code = mail_code_for(status=new_status)
    event_type = CommunicationEventType.objects.filter(code=code).first() if code else None
    if event_type is None or not events:
        return None, {}
    gemeinden: dict[int, list[str]] = {}
    for ordered_service_id, name in gemeinde_names(
        ordered_services=[event.ordered_service_id for event in events]
    ):
        gemeinden.setdefault(ordered_service_id, []).append(name)
    return event_type, gemeinden


def gemeinde_names(*, ordered_services: Sequence[int]):
    """(ordered service id, Gemeinde name) of each Gemeinde the services are set up for, by name.
    Names, not Gemeinden: without HTML escaping, as the e-mails are rendered, Django's `join`
    takes strings only and leaves a list of objects as its Python repr."""
    return (
        ServiceCoverage.objects.filter(ordered_service__in=ordered_services, gemeinde__isnull=False)
        .order_by("gemeinde__name")
        .values_list("ordered_service_id", "gemeinde__name")
    )


def rollout_mails_send(
    *,
    order,
    new_status: str,
    events: Sequence[RolloutEvent],
    inputs: tuple[CommunicationEventType | None, dict[int, list[str]]] | None = None,
) -> None:
    """The status e-mail per moved service to the order's contacts (and the person who
    ordered), from the CommunicationEventType of the new status, after commit. The template,
    contacts and Gemeinden are read once for all services (or given as `inputs`, see
    rollout_mail_inputs_read)."""
    if inputs is None:
        inputs = rollout_mail_inputs_read(new_status=new_status, events=events)
    event_type, gemeinden = inputs
    if event_type is None or not events:
        return
    details = order.ozg_details
    recipients = order_mail_recipients(order=order)
    subject, body = (
        Template(event_type.email_subject_template),
        Template(event_type.email_body_template),
    )
    for event in events:
        context = Context(
            rollout_mail_context(
                order=order,
                verwaltung=details.verwaltung,
                event=event,
                gemeinden=gemeinden.get(event.ordered_service_id, []),
            ),
            autoescape=False,
        )
        mail_after_commit(
            subject=" ".join(subject.render(context).split()),
            body=body.render(context),
            recipients=recipients,
        )


def rollout_mail_context(*, order, verwaltung, event: RolloutEvent, gemeinden: list[str]) -> dict:
    """What a status e-mail's templates can use (listed for staff on the dashboard's e-mail
    page, oscar/dashboard/comms/detail.html)."""
    return {
        "order": order,
        "verwaltung": verwaltung,
        "dienst": event.ordered_service.dienst,
        "gemeinden": gemeinden,
        "event": event,
        "status_url": order_status_url(order=order),
    }


def rollout_mail_preview_context(*, order) -> dict:
    """The context of a status e-mail for the dashboard's preview: the order's latest status
    change, or, before any, its first service as it stands."""
    event = (
        RolloutEvent.objects.filter(ordered_service__line__order=order)
        .select_related("ordered_service__dienst")
        .order_by("-created_at", "-pk")
        .first()
    )
    if event is None:
        service = (
            OrderedService.objects.filter(line__order=order)
            .select_related("dienst", "line")
            .order_by("line_id")
            .first()
        )
        if service is None:
            return {"order": order}
        event = RolloutEvent(
            ordered_service=service,
            old_status=service.line.status,
            new_status=service.line.status,
            service_url=service.service_url,
        )
    gemeinden = [name for _, name in gemeinde_names(ordered_services=[event.ordered_service_id])]
    return rollout_mail_context(
        order=order, verwaltung=order.ozg_details.verwaltung, event=event, gemeinden=gemeinden
    )


def rollout_mail_types_ensure() -> list[str]:
    """Create the status e-mails' CommunicationEventTypes that are missing, with the default texts
    of the pipeline; texts that staff edited in the dashboard stay (idempotent, runs after every
    migrate). Returns the codes created."""
    created = []
    for mail_type in mail_type_defaults():
        _, was_created = CommunicationEventType.objects.get_or_create(
            code=mail_type.code,
            defaults={
                "name": mail_type.name,
                "category": CommunicationEventType.ORDER_RELATED,
                "email_subject_template": mail_type.subject,
                "email_body_template": mail_type.body,
            },
        )
        if was_created:
            created.append(mail_type.code)
    return created
