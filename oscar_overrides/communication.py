"""Oscar's mails (password reset, e-mail and password changed, product alerts, the dashboard's
test mail) go through the shop's outbox like the shop's own: stored with the request's
transaction, delivered at least once, failures visible to staff (shop.mail).

All of Oscar's mail leaves through this one class, so swapping it (oscar_overrides.loading) is
enough. Wrapping EMAIL_BACKEND instead would also catch Django's error mails to ADMINS, which
must not depend on the database that may be what failed, and the test runner replaces
EMAIL_BACKEND, so tests would never see the durable path.
"""

from django.conf import settings
from oscar.apps.communication import utils

from shop.mail import mail_after_commit


class Dispatcher(utils.Dispatcher):
    def send_email_messages(self, recipient_email, messages, from_email=None, attachments=None):
        # The outbox stores text only; none of the mails the shop uses has attachments, and one
        # must not be sent silently without them.
        if attachments:
            raise ValueError("Der Postausgang des Shops versendet keine Anhänge.")
        self.logger.info("Queueing email to %s", recipient_email)
        # Oscar reads only `subject` and `body` of what it gets back (to log the mail in its
        # Email table), which the stored mail has.
        return mail_after_commit(
            subject=messages["subject"],
            body=messages["body"],
            html_body=messages["html"] or "",
            from_email=from_email or settings.OSCAR_FROM_EMAIL,
            recipients=[recipient_email],
        )
