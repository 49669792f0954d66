"""Telling every municipality about the offer: people who opted in get an e-mail when a new
service is published or a new version of an agreement; each event is announced once."""

from django.conf import settings
from django.db import models


class NewsSubscription(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="news_subscription",
        verbose_name="Person",
    )
    created_at = models.DateTimeField("abonniert am", auto_now_add=True)

    class Meta:
        verbose_name = "Abonnement der Neuigkeiten"
        verbose_name_plural = "Abonnements der Neuigkeiten"

    def __str__(self) -> str:
        return str(self.user)


class NewsAnnouncement(models.Model):
    """That an event (a service published for the first time, an agreement version published)
    was announced; the unique key makes a second announcement of the same event impossible."""

    event_key = models.CharField("Ereignis", max_length=100, unique=True)
    subject = models.CharField("Betreff", max_length=300)
    recipients_count = models.PositiveIntegerField("Empfänger", default=0)
    created_at = models.DateTimeField("angekündigt am", auto_now_add=True)

    class Meta:
        verbose_name = "Ankündigung"
        verbose_name_plural = "Ankündigungen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
