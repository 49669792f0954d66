"""The outbox: every e-mail the shop sends is first a row here, written in the transaction that
causes it, and leaves from here (shop.mail.services). A rolled-back order leaves no mail; a mail
whose sending fails stays until it is delivered or staff see it as failed."""

from django.db import models
from django.utils import timezone


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "wartet auf Versand"
        SENT = "sent", "zugestellt"
        FAILED = "failed", "endgültig fehlgeschlagen"

    # Text fields without a length limit: a long subject must not make the order fail.
    subject = models.TextField("Betreff")
    body = models.TextField("Text")
    html_body = models.TextField("HTML-Text", blank=True)
    from_email = models.TextField("Absender")
    recipients = models.JSONField("Empfänger", default=list)
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    next_attempt_at = models.DateTimeField("nächster Versuch", default=timezone.now)
    # Set while a worker sends the mail; a worker that dies leaves a time that runs out, and the
    # mail is then picked up again.
    locked_until = models.DateTimeField("in Arbeit bis", null=True, blank=True)
    last_error = models.TextField("letzter Fehler", blank=True)
    created_at = models.DateTimeField("erstellt am", default=timezone.now)
    sent_at = models.DateTimeField("zugestellt am", null=True, blank=True)

    class Meta:
        verbose_name = "ausgehende E-Mail"
        verbose_name_plural = "ausgehende E-Mails"
        ordering = ["created_at", "pk"]
        indexes = [
            # The sweep's and the health check's question: which mails are still undelivered.
            models.Index(fields=["status", "next_attempt_at"], name="outgoingmail_due_idx"),
        ]

    def __str__(self) -> str:
        return self.subject


class OutgoingMailAttachment(models.Model):
    """A file sent with an outgoing mail (the order document, a PDF), stored with it so that a
    retry after an SMTP failure sends it again."""

    mail = models.ForeignKey(
        OutgoingMail,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name="E-Mail",
    )
    filename = models.CharField("Dateiname", max_length=200)
    mimetype = models.CharField("Dateityp", max_length=100)
    content = models.BinaryField("Inhalt")

    class Meta:
        verbose_name = "Anhang einer E-Mail"
        verbose_name_plural = "Anhänge von E-Mails"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mail", "filename"], name="outgoingmailattachment_one_per_name"
            )
        ]

    def __str__(self) -> str:
        return self.filename
