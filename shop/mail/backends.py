"""An e-mail backend that puts each message in the outbox instead of sending it.

Wagtail sends its moderation and comment notifications through its own connection, at once and
without a retry: with the SMTP server down they are logged and lost. Given this backend
(cms_pages.apps), they take the shop's durable path like every other mail. Extra headers
(Wagtail's Auto-Submitted) are not kept: the outbox stores what the shop's own mails need. Copy
recipients become recipients of the stored mail; each blind copy becomes a mail of its own, so that
no address is shown to the others.
"""

from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from .services import mail_after_commit


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            open_recipients = [*message.to, *message.cc]
            for recipients in ([open_recipients] if open_recipients else []) + [
                [blind] for blind in message.bcc
            ]:
                mail_after_commit(
                    subject=message.subject,
                    body=message.body,
                    html_body=_html_alternative(message),
                    from_email=message.from_email,
                    recipients=recipients,
                )
        return len(email_messages)


def _html_alternative(message: EmailMessage) -> str:
    for content, mimetype in getattr(message, "alternatives", ()):
        if mimetype == "text/html":
            return content
    return ""
