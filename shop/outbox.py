"""What the mail outbox (shop.mail.services) and the webhook deliveries
(shop.integrations.webhooks) share: rows that wait to go out (status pending, sent or failed),
retried until no attempt is left, each attempt claimed by one worker with one conditional UPDATE
whose claim runs out if that worker dies. The model needs `status` (choices with PENDING and
FAILED), `attempts`, `next_attempt_at`, `locked_until` and `last_error`."""

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import F, Model, Q
from django.utils import timezone

SWEEP_BATCH = 100


def due(*, model: type[Model], max_attempts: int, now: datetime) -> Q:
    """Pending, due, with an attempt left, and held by no living worker."""
    return (
        Q(status=model.Status.PENDING, next_attempt_at__lte=now)
        & Q(attempts__lt=max_attempts)
        & (Q(locked_until__isnull=True) | Q(locked_until__lte=now))
    )


def claim(
    *, model: type[Model], pk: int, max_attempts: int, duration: timedelta
) -> datetime | None:
    """Take the row for one attempt (counted now): the time the claim runs out, which the
    outcome's UPDATE must still find (see `ours`); None when it is not due or another holds it."""
    now = timezone.now()
    claimed_until = now + duration
    claimed = model.objects.filter(
        due(model=model, max_attempts=max_attempts, now=now), pk=pk
    ).update(locked_until=claimed_until, attempts=F("attempts") + 1)
    return claimed_until if claimed else None


def ours(*, model: type[Model], pk: int, claimed_until: datetime):
    """The row while our claim holds: had it run out and another worker taken the row, that
    worker's outcome counts, not ours."""
    return model.objects.filter(pk=pk, locked_until=claimed_until)


def in_attempt(*, row: Model, now: datetime) -> bool:
    """Whether a worker holds the row right now: its claim has not run out."""
    return row.locked_until is not None and row.locked_until > now


def resend(*, row: Model, in_attempt_error: Exception) -> None:
    """Staff send the row again: due now, with all the attempts of a new row. The caller holds
    the row locked (select_for_update), has checked what else its kind of row needs, and delivers
    it after the commit. While a worker is at it, `in_attempt_error` (the caller's German message
    for staff) is raised and the row stays as it is."""
    now = timezone.now()
    if in_attempt(row=row, now=now):
        raise in_attempt_error
    row.status = row.Status.PENDING
    row.attempts = 0
    row.next_attempt_at = now
    row.locked_until = None
    row.save(update_fields=["status", "attempts", "next_attempt_at", "locked_until"])


def _abandoned_fail(*, model: type[Model], max_attempts: int, message: str) -> int:
    """Rows whose last attempt was claimed by a worker that died: no attempt is left."""
    return model.objects.filter(
        status=model.Status.PENDING, attempts__gte=max_attempts, locked_until__lte=timezone.now()
    ).update(status=model.Status.FAILED, locked_until=None, last_error=message)


def sweep(
    *,
    model: type[Model],
    max_attempts: int,
    deliver: Callable[[int], str | None],
    abandoned_message: str,
) -> Counter:
    """Rows whose last attempt died with its worker failed (`abandoned_message` their error),
    then one attempt for every due row, oldest due first; the outcomes by status, the abandoned
    rows counted as failed. Every row leaves the due set when tried (done, failed, or due later)
    or when another worker holds it, so this ends; safe in several processes at once."""
    outcomes: Counter = Counter(
        {
            model.Status.FAILED: _abandoned_fail(
                model=model, max_attempts=max_attempts, message=abandoned_message
            )
        }
    )
    while rows := list(
        model.objects.filter(due(model=model, max_attempts=max_attempts, now=timezone.now()))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    ):
        for pk in rows:
            outcomes[deliver(pk)] += 1
    return outcomes
