"""Reads of the outbox: the backlog for the health check, the undelivered mails for staff."""

from typing import TypedDict

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from shop.models import OutgoingMail

UNDELIVERED = (OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED)


class MailBacklog(TypedDict):
    pending: int
    failed: int
    oldest_pending_seconds: int | None


def mail_backlog() -> MailBacklog:
    """How many mails wait for delivery, how many failed for good, and how long the oldest
    waiting one has been waiting (None when none waits). One query."""
    pending = Q(status=OutgoingMail.Status.PENDING)
    figures = OutgoingMail.objects.filter(status__in=UNDELIVERED).aggregate(
        pending=Count("pk", filter=pending),
        failed=Count("pk", filter=Q(status=OutgoingMail.Status.FAILED)),
        oldest_pending=Min("created_at", filter=pending),
    )
    oldest = figures["oldest_pending"]
    return {
        "pending": figures["pending"],
        "failed": figures["failed"],
        "oldest_pending_seconds": (
            None if oldest is None else int((timezone.now() - oldest).total_seconds())
        ),
    }


def undelivered_mails(*, status: str = "") -> QuerySet[OutgoingMail]:
    """Mails not (yet) delivered, failed ones first, then the oldest; `status` narrows to
    pending or failed, anything else means both."""
    statuses = [status] if status in UNDELIVERED else list(UNDELIVERED)
    # "failed" sorts before "pending".
    return OutgoingMail.objects.filter(status__in=statuses).order_by("status", "created_at", "pk")
