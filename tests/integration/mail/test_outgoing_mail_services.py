"""The outbox (shop.mail.services): stored with its transaction, delivered at least once, retried
with backoff, failed for good after the last attempt, picked up again after a dead worker."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import CommandError
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from shop.mail import mail_after_commit
from shop.mail import services
from shop.mail.selectors import mail_backlog
from shop.mail.selectors import undelivered_mails
from shop.mail.services import CLAIM_DURATION
from shop.mail.services import MAX_ATTEMPTS
from shop.mail.services import RETRY_DELAYS
from shop.mail.services import TASK_RUNNING_TIMEOUT
from shop.mail.services import MailResendError
from shop.mail.services import SweepResult
from shop.mail.services import mail_sweep
from shop.mail.services import outgoing_mail_deliver
from shop.mail.services import outgoing_mail_resend
from shop.models import OutgoingMail

pytestmark = pytest.mark.django_db

SMTP_DOWN = "tests.mail_backends.DisconnectedBackend"


def queue(**fields) -> OutgoingMail:
    return mail_after_commit(
        **{
            "subject": "Ihre Bestellung 100001",
            "body": "Vielen Dank.",
            "recipients": ["person@amt.example"],
            **fields,
        }
    )


def time_passes(delay: timedelta) -> None:
    """Everything the outbox has scheduled comes `delay` closer."""
    OutgoingMail.objects.update(next_attempt_at=F("next_attempt_at") - delay)


def test_the_mail_is_stored_in_the_transaction_and_delivered_after_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue(html_body="<p>Vielen Dank.</p>")
        assert mail.outbox == []  # not before the commit

    (message,) = mail.outbox
    assert (message.subject, message.body, message.to) == (
        "Ihre Bestellung 100001",
        "Vielen Dank.",
        ["person@amt.example"],
    )
    assert message.alternatives[0][0] == "<p>Vielen Dank.</p>"
    assert message.from_email == "OZG-Dienste-Shop <shop@itvsh.example>"
    stored.refresh_from_db()
    assert (stored.status, stored.attempts, stored.locked_until) == ("sent", 1, None)
    assert stored.sent_at is not None


def test_a_rolled_back_transaction_leaves_no_mail(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("Bestellung abgebrochen")

    assert not OutgoingMail.objects.exists()
    assert callbacks == []
    assert mail.outbox == []


def test_an_smtp_failure_keeps_the_mail_for_a_later_attempt(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = SMTP_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()

    stored.refresh_from_db()
    assert (stored.status, stored.attempts, stored.locked_until) == ("pending", 1, None)
    assert stored.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    wait = stored.next_attempt_at - timezone.now()
    assert RETRY_DELAYS[0] - timedelta(seconds=5) < wait <= RETRY_DELAYS[0]


def test_the_retry_delivers_once_the_server_is_back(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = SMTP_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()

    assert mail_sweep() == SweepResult(sent=0, retrying=0, failed=0, tasks_requeued=0)  # not due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_passes(RETRY_DELAYS[0])
    assert mail_sweep() == SweepResult(sent=1, retrying=0, failed=0, tasks_requeued=0)

    (message,) = mail.outbox
    assert message.to == ["person@amt.example"]
    stored.refresh_from_db()
    assert (stored.status, stored.attempts, stored.last_error) == ("sent", 2, "")


def test_the_waits_grow_and_the_last_attempt_fails_for_good(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = SMTP_DOWN
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()

    waits = []
    for delay in RETRY_DELAYS:
        stored.refresh_from_db()
        waits.append(stored.next_attempt_at - timezone.now())
        time_passes(delay)
        mail_sweep()
    stored.refresh_from_db()

    assert [round(wait / timedelta(minutes=1)) for wait in waits] == [1, 5, 30, 120, 360]
    assert (stored.status, stored.attempts) == ("failed", MAX_ATTEMPTS)
    assert "SMTPServerDisconnected" in stored.last_error
    assert list(undelivered_mails(status="failed")) == [stored]


def test_a_fault_of_the_mail_itself_fails_at_once(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.mail_backends.RejectingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()

    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == ("failed", 1)
    assert stored.last_error == "ValueError: Header values can't contain newlines"


def test_resend_makes_a_failed_mail_new_and_delivers_it(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.RejectingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    with django_capture_on_commit_callbacks(execute=True):
        outgoing_mail_resend(mail_id=stored.pk)

    assert len(mail.outbox) == 1
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == ("sent", 1)


def test_resend_refuses_a_delivered_mail_and_one_being_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        delivered = queue()
    being_sent = OutgoingMail.objects.create(
        subject="Rückfrage",
        body="…",
        from_email="shop@itvsh.example",
        recipients=["a@amt.example"],
        locked_until=timezone.now() + CLAIM_DURATION,
    )

    with pytest.raises(MailResendError, match="bereits zugestellt"):
        outgoing_mail_resend(mail_id=delivered.pk)
    with pytest.raises(MailResendError, match="gerade versandt"):
        outgoing_mail_resend(mail_id=being_sent.pk)
    assert len(mail.outbox) == 1


def test_a_dead_workers_mail_is_picked_up_when_its_claim_runs_out():
    # A worker claimed the mail (attempt 1) and was killed before it sent it.
    now = timezone.now()
    stored = OutgoingMail.objects.create(
        subject="Status geändert",
        body="…",
        from_email="shop@itvsh.example",
        recipients=["a@amt.example"],
        attempts=1,
        locked_until=now + CLAIM_DURATION,
    )

    assert mail_sweep().sent == 0  # the claim still holds
    OutgoingMail.objects.update(locked_until=now - timedelta(seconds=1))
    assert mail_sweep().sent == 1

    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1


def test_a_dead_workers_last_attempt_fails_the_mail():
    stored = OutgoingMail.objects.create(
        subject="Status geändert",
        body="…",
        from_email="shop@itvsh.example",
        recipients=["a@amt.example"],
        attempts=MAX_ATTEMPTS,
        locked_until=timezone.now() - timedelta(seconds=1),
    )

    assert mail_sweep().failed == 1

    stored.refresh_from_db()
    assert stored.status == "failed"
    assert "abgebrochen" in stored.last_error
    assert mail.outbox == []


def test_a_mail_is_sent_once_however_often_it_is_delivered(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()

    assert outgoing_mail_deliver(mail_id=stored.pk) is None
    assert mail_sweep().sent == 0
    assert len(mail.outbox) == 1


def test_a_mail_whose_task_was_never_queued_is_delivered_by_the_sweep(
    monkeypatch, django_capture_on_commit_callbacks
):
    def queue_unavailable(**kwargs):
        raise ConnectionError("Warteschlange nicht erreichbar")

    monkeypatch.setattr(
        services, "outgoing_mail_deliver_task", SimpleNamespace(enqueue=queue_unavailable)
    )
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()  # the failing enqueue does not reach the caller
    assert mail.outbox == []

    assert mail_sweep().sent == 1
    stored.refresh_from_db()
    assert stored.status == "sent"


def test_a_task_left_running_by_a_dead_worker_is_queued_again(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue()
    (task,) = DBTaskResult.objects.all()
    # A worker claimed it and was killed with SIGKILL: the row says RUNNING forever.
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", started_at=timezone.now() - TASK_RUNNING_TIMEOUT - timedelta(minutes=1)
    )
    recent = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"mail_id": 0}},
        task_path=task.task_path,
        backend_name="default",
        run_after=task.run_after,
        status="RUNNING",
        started_at=timezone.now(),
    )

    result = mail_sweep()

    assert (result.tasks_requeued, result.sent) == (1, 1)
    task.refresh_from_db()
    recent.refresh_from_db()
    assert (task.status, task.started_at) == ("READY", None)
    assert recent.status == "RUNNING"  # its worker may still be at it
    assert len(mail.outbox) == 1


def test_backlog_counts_waiting_and_failed_mails_and_the_oldest_wait():
    assert mail_backlog() == {"pending": 0, "failed": 0, "oldest_pending_seconds": None}
    now = timezone.now()
    for minutes_ago, status in ((10, "pending"), (2, "pending"), (60, "failed"), (90, "sent")):
        OutgoingMail.objects.create(
            subject="…",
            body="…",
            from_email="shop@itvsh.example",
            recipients=["a@amt.example"],
            status=status,
            created_at=now - timedelta(minutes=minutes_ago),
        )

    backlog = mail_backlog()

    assert (backlog["pending"], backlog["failed"]) == (2, 1)
    assert 600 <= backlog["oldest_pending_seconds"] < 610


def test_the_command_delivers_due_mails_once():
    OutgoingMail.objects.create(
        subject="…", body="…", from_email="shop@itvsh.example", recipients=["a@amt.example"]
    )

    call_command("deliver_mail")

    assert len(mail.outbox) == 1
    assert not OutgoingMail.objects.exclude(status="sent").exists()


def test_the_command_refuses_a_senseless_interval():
    with pytest.raises(CommandError, match="keine ganze Zahl von Sekunden ab 1"):
        call_command("deliver_mail", "--loop", "--interval", "0")
