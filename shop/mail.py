"""E-mails leave only after the transaction that caused them has committed, through django-tasks
(the immediate backend runs them at once; a worker backend in production)."""

from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_plain_mail(*, subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject=subject, message=body, from_email=None, recipient_list=recipients)


def mail_after_commit(*, subject: str, body: str, recipients: list[str]) -> None:
    transaction.on_commit(
        lambda: send_plain_mail.enqueue(subject=subject, body=body, recipients=recipients)
    )
