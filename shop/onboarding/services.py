"""Writes on the onboarding checklists: syncing a service's definition from its profile, saving
a Verwaltung's values (every change a new version), announcing completeness once, and reminding
the order's contacts of missing data once per period."""

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TypeAlias

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from shop.mail import mail_after_commit
from shop.models import (
    Dienst,
    OnboardingAnswer,
    OnboardingChecklist,
    OnboardingCompletion,
    OnboardingFieldType,
    OnboardingReminder,
    OrderedService,
    User,
)
from shop.orders import pipeline
from shop.orders.rollout import order_mail_recipients

from .definition import onboarding_definition_clean, upload_check
from .selectors import OnboardingState, onboarding_state, onboarding_states
from .signals import onboarding_completed

logger = logging.getLogger(__name__)

# A value per (field key, Gemeinde id or None for the Verwaltung): text, a date, or a file.
Values: TypeAlias = Mapping[tuple[str, int | None], "str | datetime.date | UploadedFile | None"]


@transaction.atomic
def onboarding_checklist_sync(
    *, dienst: Dienst, fields: Iterable[Mapping], steps: Iterable[Mapping] = ()
) -> OnboardingChecklist | None:
    """Store the profile's checklist as a new version when it differs from the newest one
    (re-publishing unchanged adds none). A service whose profile has no checklist (any more)
    gets an empty version, so that nothing is asked of its Verwaltungen. ValidationError
    (German) for a definition that cannot work."""
    fields, steps = onboarding_definition_clean(fields=fields, steps=steps)
    newest = (
        OnboardingChecklist.objects.select_for_update()
        .filter(dienst=dienst)
        .order_by("-version")
        .first()
    )
    if newest is None and not fields and not steps:
        return None
    if newest is not None and (newest.fields, newest.steps) == (fields, steps):
        return newest
    return OnboardingChecklist.objects.create(
        dienst=dienst,
        version=(newest.version + 1) if newest else 1,
        fields=fields,
        steps=steps,
    )


def _stored_value(*, spec: dict, value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value or "").strip()


@transaction.atomic
def onboarding_answers_save(
    *, ordered_service: OrderedService, user: User, values: Values
) -> OnboardingState:
    """Save the values that changed, each as a new current version (the earlier one stays in
    the history); a file upload replaces the file, None leaves a field as it is, an empty text
    clears it. All or nothing: a value that does not fit its field (unknown field or Gemeinde,
    a file of the wrong type or size) refuses the whole save (ValidationError, German, per
    field). When the required data thereby becomes complete, `onboarding_completed` is sent,
    once per line ever. Returns the new state."""
    # Two saves of the same line (a double submit, two members) run one after the other.
    OrderedService.objects.select_for_update().filter(pk=ordered_service.pk).first()
    state = onboarding_state(ordered_service=ordered_service)
    targets = {
        (field.key, target.gemeinde_id): (field.spec, target)
        for field in state.fields
        for target in field.targets
    }
    problems: dict[str, list[str]] = defaultdict(list)
    changes = []
    for (key, gemeinde_id), value in values.items():
        if (key, gemeinde_id) not in targets:
            problems["__all__"].append("Diese Angabe gehört nicht zur Checkliste des Dienstes.")
            continue
        spec, target = targets[(key, gemeinde_id)]
        if value is None:
            continue
        if isinstance(value, UploadedFile):
            if spec["type"] != OnboardingFieldType.FILE:
                problems[key].append("Hier ist keine Datei vorgesehen.")
                continue
            try:
                content_type = upload_check(upload=value, field=spec)
            except ValidationError as error:
                problems[key].extend(error.messages)
                continue
            changes.append((spec, target, "", value, content_type))
            continue
        stored = _stored_value(spec=spec, value=value)
        current = target.answer.value if target.answer and not target.answer.file else ""
        if spec["type"] == OnboardingFieldType.FILE or stored == current:
            continue
        if target.answer is None and not stored:
            continue
        changes.append((spec, target, stored, None, ""))
    if problems:
        raise ValidationError(dict(problems))
    for spec, target, stored, upload, content_type in changes:
        if target.answer is not None:
            OnboardingAnswer.objects.filter(pk=target.answer.pk).update(is_current=False)
        answer = OnboardingAnswer(
            ordered_service=ordered_service,
            gemeinde_id=target.gemeinde_id,
            field_key=spec["key"],
            label=spec["label"],
            value=stored,
            answered_by=user,
            content_type=content_type,
        )
        if upload is not None:
            answer.file_name = upload.name[:255]
            answer.file.save(upload.name, upload, save=False)
        answer.save()
    state = onboarding_state(ordered_service=ordered_service)
    if changes and state.has_checklist and state.is_complete:
        onboarding_completion_record(ordered_service=ordered_service)
    return state


def onboarding_completion_record(*, ordered_service: OrderedService) -> bool:
    """Record that the line's data is complete and send `onboarding_completed`, the first time
    only (the caller holds the line's lock). Whether it was the first time."""
    _, created = OnboardingCompletion.objects.get_or_create(ordered_service=ordered_service)
    if created:
        onboarding_completed.send(
            sender=OnboardingCompletion,
            line=ordered_service,
            verwaltung=ordered_service.verwaltung,
        )
    return created


# Data is asked for until the rollout team starts setting the service up.
_STATUSES_BEFORE_SETUP = tuple(
    stage.status
    for stage in pipeline.STAGES
    if not stage.ended
    and stage.rank < next(s.rank for s in pipeline.STAGES if s.name == "IN_PROGRESS")
)


def onboarding_form_url(*, number: str, line_id: int) -> str:
    path = reverse("shop_orders:onboarding", kwargs={"number": number, "line_id": line_id})
    return f"{settings.SHOP_BASE_URL}{path}"


def _reminder_body(*, order, verwaltung, items: list[tuple[OrderedService, list[str]]]) -> str:
    lines = [
        "Guten Tag,",
        "",
        f"für die Bestellung {order.number} von {verwaltung.name} fehlen noch Angaben, "
        "ohne die wir die folgenden Dienste nicht einrichten können:",
        "",
    ]
    for service, missing in items:
        url = onboarding_form_url(number=order.number, line_id=service.line_id)
        lines += [
            f"{service.dienst.title}:",
            *(f"  - {label}" for label in missing),
            f"  Angaben ergänzen: {url}",
            "",
        ]
    lines += [
        "Alle bestätigten Mitglieder Ihrer Verwaltung können die Angaben unter „Meine Dienste“ "
        "ergänzen. Vielen Dank!",
        "",
        "Ihr Umsetzungsteam (ITVSH/Dataport)",
    ]
    return "\n".join(lines)


def onboarding_reminders_send(
    *, today: datetime.date | None = None, every_days: int | None = None
) -> int:
    """Remind the contacts of each order with lines still missing required data, once per
    period of `every_days` (settings.ONBOARDING_REMINDER_DAYS) since the order; only lines not
    yet being set up. The reminder is recorded with its mail in one transaction per order, so a
    second run in the same period, or one running at the same time, sends nothing again, and a
    mail that SMTP refuses waits in the outbox. Returns the number of mails."""
    every = every_days or settings.ONBOARDING_REMINDER_DAYS
    today = today or timezone.localdate()
    candidates = [
        service
        for service in OrderedService.objects.filter(
            is_active=True,
            line__status__in=_STATUSES_BEFORE_SETUP,
            dienst__onboarding_checklists__isnull=False,
            details__order__date_placed__lte=timezone.now() - datetime.timedelta(days=every),
        )
        .distinct()
        .select_related("dienst", "verwaltung", "details__order__user")
        .order_by("details_id", "pk")
    ]
    periods = {
        service.pk: (today - timezone.localdate(service.details.order.date_placed)).days // every
        for service in candidates
    }
    reminded = set(
        OnboardingReminder.objects.filter(ordered_service__in=candidates).values_list(
            "ordered_service_id", "period"
        )
    )
    candidates = [
        service
        for service in candidates
        if periods[service.pk] >= 1 and (service.pk, periods[service.pk]) not in reminded
    ]
    states = onboarding_states(services=candidates)
    by_order: dict[int, list[tuple[OrderedService, list[str]]]] = defaultdict(list)
    for service in candidates:
        if states[service.pk].missing:
            by_order[service.details_id].append((service, states[service.pk].missing))
    sent = 0
    for items in by_order.values():
        details = items[0][0].details
        try:
            with transaction.atomic():
                OnboardingReminder.objects.bulk_create(
                    [
                        OnboardingReminder(ordered_service=service, period=periods[service.pk])
                        for service, _ in items
                    ]
                )
                mail_after_commit(
                    subject=f"Noch benötigte Angaben zur Bestellung {details.order.number}",
                    body=_reminder_body(
                        order=details.order, verwaltung=items[0][0].verwaltung, items=items
                    ),
                    recipients=order_mail_recipients(order=details.order),
                )
        except IntegrityError:
            # Another run reminded this order in this period just now.
            logger.info("Erinnerung zu Bestellung %s bereits versandt", details.order.number)
            continue
        sent += 1
    return sent
