"""Writes of the outbox (shop.models.OutgoingMail): every e-mail of the shop is stored in the
transaction that causes it and delivered at least once.

- `mail_after_commit` stores the mail; a rollback takes it away with everything else. After the
  commit a task (django-tasks) delivers it: at once with the immediate backend of `make run`,
  through `manage.py db_worker` with the database backend of production.
- A failed attempt with a temporary error (SMTP, network, timeout) is retried after
  RETRY_DELAYS; after MAX_ATTEMPTS the mail is `failed` and staff see it with its error
  (/umsetzung/e-mails/), where they can send it again (`outgoing_mail_resend`).
- A worker claims a mail with one conditional UPDATE, so two workers never send the same mail at
  once; the claim runs out after CLAIM_DURATION, so that a mail of a worker that died is picked
  up again by `mail_sweep` (`manage.py deliver_mail`). The sweep also puts task rows back in the
  queue that a dead worker left RUNNING.
"""

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from shop import outbox
from shop.models import OutgoingMail, OutgoingMailAttachment

logger = logging.getLogger(__name__)

# The wait after the first, second, ... failed attempt; the attempt after the last wait is the
# last one (about 8.5 hours after the first).
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# Far longer than one SMTP conversation may take (EMAIL_TIMEOUT): a claim older than this belongs
# to a worker that died.
CLAIM_DURATION = timedelta(minutes=5)
# No task of the shop runs this long; a task row RUNNING longer lost its worker (SIGKILL, crash).
TASK_RUNNING_TIMEOUT = timedelta(minutes=15)
# Errors that may be gone at the next attempt: the SMTP server refuses or is unreachable, the
# network fails, a timeout (all OSErrors). Anything else is a fault of the mail itself.
TEMPORARY_ERRORS = (smtplib.SMTPException, OSError)


class MailResendError(Exception):
    """Why a mail cannot be sent again; the message is German, for staff."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/pdf"


def mail_after_commit(
    *,
    subject: str,
    body: str,
    recipients: list[str],
    html_body: str = "",
    from_email: str = "",
    attachments: Sequence[Attachment] = (),
    hold: timedelta | None = None,
) -> OutgoingMail:
    """Store the mail (with its attachments) in the current transaction and deliver it after
    the commit. With `hold` it is not delivered then: whoever completes it (e.g. attaches a
    document made in the background) calls `outgoing_mail_release`; should that never come, the
    sweep sends it as it is once `hold` has passed."""
    mail = OutgoingMail.objects.create(
        subject=subject,
        body=body,
        html_body=html_body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=list(recipients),
        next_attempt_at=timezone.now() + (hold or timedelta(0)),
    )
    for attachment in attachments:
        outgoing_mail_attach(mail_id=mail.pk, attachment=attachment)
    if hold is None:
        _deliver_after_commit(mail_id=mail.pk)
    return mail


def outgoing_mail_attach(*, mail_id: int, attachment: Attachment) -> None:
    """Add a file to a stored mail; a file of the same name is replaced (a task that runs
    twice attaches once)."""
    OutgoingMailAttachment.objects.update_or_create(
        mail_id=mail_id,
        filename=attachment.filename,
        defaults={"mimetype": attachment.mimetype, "content": attachment.content},
    )


def outgoing_mail_release(*, mail_id: int, body: str | None = None) -> str | None:
    """A held mail is complete (`body`: its text replaced): due now, and one delivery attempt
    at once. Returns the status as `outgoing_mail_deliver` does."""
    changes: dict = {"next_attempt_at": timezone.now()}
    if body is not None:
        changes["body"] = body
    OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.PENDING, attempts=0).update(
        **changes
    )
    return outgoing_mail_deliver(mail_id=mail_id)


def _deliver_after_commit(*, mail_id: int) -> None:
    # robust: should the queue not take the task, the mail is stored and the sweep delivers it;
    # the committed change must not turn into an error page.
    transaction.on_commit(lambda: outgoing_mail_deliver_task.enqueue(mail_id=mail_id), robust=True)


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.body, from_email=mail.from_email, to=mail.recipients
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for attachment in mail.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    return message


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def outgoing_mail_deliver(*, mail_id: int) -> str | None:
    """Send the mail if it is due and no other worker holds it. Returns its status afterwards,
    None when it was not this call's to send (sent, failed, not due, or held by another)."""
    claimed_until = outbox.claim(
        model=OutgoingMail, pk=mail_id, max_attempts=MAX_ATTEMPTS, duration=CLAIM_DURATION
    )
    if claimed_until is None:
        return None
    mail = OutgoingMail.objects.get(pk=mail_id)
    ours = outbox.ours(model=OutgoingMail, pk=mail_id, claimed_until=claimed_until)
    try:
        _message(mail).send()
    except TEMPORARY_ERRORS as error:
        if mail.attempts < MAX_ATTEMPTS:
            ours.update(
                next_attempt_at=timezone.now() + RETRY_DELAYS[mail.attempts - 1],
                locked_until=None,
                last_error=_error_text(error),
            )
            logger.warning(
                "E-Mail %s: Versuch %s fehlgeschlagen, neuer Versuch folgt: %s",
                mail_id,
                mail.attempts,
                error,
            )
            return OutgoingMail.Status.PENDING
        return _fail(ours=ours, mail_id=mail_id, error=error)
    # Anything else is a fault of the mail itself; it must not stop the worker.
    except Exception as error:
        return _fail(ours=ours, mail_id=mail_id, error=error)
    ours.update(
        status=OutgoingMail.Status.SENT, sent_at=timezone.now(), locked_until=None, last_error=""
    )
    return OutgoingMail.Status.SENT


def _fail(*, ours, mail_id: int, error: BaseException) -> str:
    ours.update(status=OutgoingMail.Status.FAILED, locked_until=None, last_error=_error_text(error))
    logger.error("E-Mail %s endgültig nicht zugestellt: %s", mail_id, error)
    return OutgoingMail.Status.FAILED


@task()
def outgoing_mail_deliver_task(*, mail_id: int) -> str | None:
    """The queue's entry point: one delivery attempt of one stored mail."""
    return outgoing_mail_deliver(mail_id=mail_id)


@transaction.atomic
def outgoing_mail_resend(*, mail_id: int) -> OutgoingMail:
    """Staff send an undelivered mail again: due now, with all attempts of a new mail; delivered
    after the commit. A delivered mail or one a worker is sending right now stays as it is."""
    mail = OutgoingMail.objects.select_for_update().get(pk=mail_id)
    if mail.status == OutgoingMail.Status.SENT:
        raise MailResendError("Diese E-Mail ist bereits zugestellt.")
    outbox.resend(
        row=mail,
        in_attempt_error=MailResendError(
            "Diese E-Mail wird gerade versandt; bitte sehen Sie in einigen Minuten wieder nach."
        ),
    )
    _deliver_after_commit(mail_id=mail.pk)
    return mail


@dataclass(frozen=True)
class SweepResult:
    sent: int
    retrying: int
    failed: int
    tasks_requeued: int


def stale_tasks_requeue(*, now: datetime) -> int:
    """Put task rows back in the queue that a dead worker left RUNNING; returns how many. The
    shop's tasks may run twice: a mail's claim keeps a second run from sending it again."""
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lt=now - TASK_RUNNING_TIMEOUT)
        .update(status=TaskResultStatus.READY, started_at=None)
    )


def mail_sweep() -> SweepResult:
    """Deliver every due mail: retries whose time has come, mails of dead workers, mails whose
    task never ran; requeue task rows of dead workers first. Safe to run in several processes
    at once."""
    tasks_requeued = stale_tasks_requeue(now=timezone.now())
    outcomes = outbox.sweep(
        model=OutgoingMail,
        max_attempts=MAX_ATTEMPTS,
        deliver=lambda mail_id: outgoing_mail_deliver(mail_id=mail_id),
        abandoned_message="Der Versand wurde beim letzten Versuch abgebrochen (Worker beendet).",
    )
    return SweepResult(
        sent=outcomes[OutgoingMail.Status.SENT],
        retrying=outcomes[OutgoingMail.Status.PENDING],
        failed=outcomes[OutgoingMail.Status.FAILED],
        tasks_requeued=tasks_requeued,
    )
