"""The outbox backend stores what it is given instead of sending it."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail import EmailMultiAlternatives

from shop.mail.backends import OutboxEmailBackend
from shop.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_each_message_becomes_a_pending_mail_with_its_text_and_html():
    message = EmailMultiAlternatives(
        subject="Seite zur Freigabe eingereicht",
        body="Bitte prüfen Sie die Seite.",
        from_email="redaktion@itvsh.example",
        to=["pruefung@itvsh.example"],
        cc=["leitung@itvsh.example"],
    )
    message.attach_alternative("<p>Bitte prüfen Sie die Seite.</p>", "text/html")

    assert OutboxEmailBackend().send_messages([message]) == 1

    stored = OutgoingMail.objects.get()
    assert stored.status == OutgoingMail.Status.PENDING
    assert (stored.subject, stored.body, stored.from_email) == (
        "Seite zur Freigabe eingereicht",
        "Bitte prüfen Sie die Seite.",
        "redaktion@itvsh.example",
    )
    assert stored.html_body == "<p>Bitte prüfen Sie die Seite.</p>"
    assert stored.recipients == ["pruefung@itvsh.example", "leitung@itvsh.example"]
    assert mail.outbox == []  # stored, not sent: delivery follows the commit


def test_a_blind_copy_recipient_gets_a_mail_of_their_own():
    message = EmailMessage(
        subject="Hinweis", body="Text", to=["a@itvsh.example"], bcc=["geheim@itvsh.example"]
    )

    OutboxEmailBackend().send_messages([message])

    assert sorted(OutgoingMail.objects.values_list("recipients", flat=True)) == [
        ["a@itvsh.example"],
        ["geheim@itvsh.example"],
    ]
    assert OutgoingMail.objects.get(recipients=["a@itvsh.example"]).html_body == ""
