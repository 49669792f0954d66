"""E-mail backends that fail or dawdle the way a real SMTP server does, for the outbox's tests
(settings.EMAIL_BACKEND = "tests.mail_backends.…")."""

import smtplib
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class DisconnectedBackend(BaseEmailBackend):
    """The SMTP server drops the connection: a temporary error."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RejectingBackend(BaseEmailBackend):
    """A fault of the mail itself that no retry mends."""

    def send_messages(self, email_messages):
        raise ValueError("Header values can't contain newlines")


class SlowBackend(LocmemBackend):
    """Delivers into django.core.mail.outbox after a pause, so that two workers overlap."""

    def send_messages(self, messages):
        time.sleep(0.3)
        return super().send_messages(messages)
