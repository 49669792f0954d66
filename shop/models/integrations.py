"""The operators' systems (Dataport's ticketing, a Land's reporting): API clients that read orders
and change statuses through /api/umsetzung/, and webhook subscriptions that are told when
something happens (shop.integrations)."""

import uuid

from django.db import models
from django.utils import timezone

from .fields import person_foreign_key


class ApiScope(models.TextChoices):
    """What an API client may do; a client holds one or both."""

    READ_ORDERS = "bestellungen:lesen", "Bestellungen lesen"
    CHANGE_STATUS = "status:aendern", "Status ändern"


class ApiClient(models.Model):
    """One system with its own token. Only the token's SHA-256 is stored: the token itself is
    shown once when the client is created. A revoked client is kept (its status changes name it
    in the history), it only no longer authenticates."""

    name = models.CharField("Name", max_length=100)
    # The first characters of the token, to tell tokens apart in the list without the secret.
    token_prefix = models.CharField("Anfang des Schlüssels", max_length=12)
    token_sha256 = models.CharField("SHA-256 des Schlüssels", max_length=64, unique=True)
    scopes = models.JSONField("Berechtigungen", default=list)
    created_by = person_foreign_key(verbose_name="angelegt von")
    created_at = models.DateTimeField("angelegt am", default=timezone.now)
    last_used_at = models.DateTimeField("zuletzt benutzt", null=True, blank=True)
    revoked_at = models.DateTimeField("widerrufen am", null=True, blank=True)
    revoked_by = person_foreign_key(verbose_name="widerrufen von")

    class Meta:
        verbose_name = "API-Zugang"
        verbose_name_plural = "API-Zugänge"
        ordering = ["-created_at", "-pk"]
        # Not part of Fulfilment: whoever holds it hands out access to every order of the Land.
        permissions = [("manage_integrations", "Kann API-Zugänge und Webhooks verwalten")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def scope_labels(self) -> list[str]:
        return [label for value, label in ApiScope.choices if value in self.scopes]


class WebhookEvent(models.TextChoices):
    """The events a subscription may choose. `onboarding.completed` is published by whoever
    completes the onboarding data (shop.integrations.webhooks.webhook_event_publish)."""

    ORDER_PLACED = "bestellung.eingegangen", "Bestellung eingegangen"
    STATUS_CHANGED = "status.geaendert", "Status eines Dienstes geändert"
    MESSAGE_POSTED = "rueckfrage.neu", "Neue Rückfrage"
    ONBOARDING_COMPLETED = "onboarding.vollstaendig", "Onboarding-Daten vollständig"


class WebhookSubscription(models.Model):
    name = models.CharField("Name", max_length=100)
    url = models.URLField("Adresse", max_length=500)
    # Kept as it is: every delivery is signed with it (HMAC-SHA256); shown once on creation.
    secret = models.CharField("Geheimnis", max_length=100)
    events = models.JSONField("Ereignisse", default=list)
    is_active = models.BooleanField("aktiv", default=True)
    created_by = person_foreign_key(verbose_name="angelegt von")
    created_at = models.DateTimeField("angelegt am", default=timezone.now)

    class Meta:
        verbose_name = "Webhook"
        verbose_name_plural = "Webhooks"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def event_labels(self) -> list[str]:
        return [label for value, label in WebhookEvent.choices if value in self.events]


class WebhookDelivery(models.Model):
    """One event for one subscription: written in the transaction of what happened, delivered
    after the commit and retried until the receiver answers 2xx or no attempt is left. Holds
    the outcome of its latest attempt (the delivery log)."""

    class Status(models.TextChoices):
        PENDING = "pending", "wartet"
        DELIVERED = "delivered", "zugestellt"
        FAILED = "failed", "endgültig fehlgeschlagen"

    # The receiver's key against duplicates (header X-OZG-Delivery): delivery is at least once.
    delivery_id = models.UUIDField("Zustellungs-ID", default=uuid.uuid4, unique=True)
    subscription = models.ForeignKey(
        WebhookSubscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name="Webhook",
    )
    event = models.CharField("Ereignis", max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField("Inhalt")
    status = models.CharField(
        "Status", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    next_attempt_at = models.DateTimeField("nächster Versuch", default=timezone.now)
    locked_until = models.DateTimeField("in Arbeit bis", null=True, blank=True)
    created_at = models.DateTimeField("erstellt am", default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField("letzter Versuch", null=True, blank=True)
    response_status = models.PositiveSmallIntegerField("HTTP-Status", null=True, blank=True)
    response_excerpt = models.TextField("Antwort (Anfang)", blank=True)
    duration_ms = models.PositiveIntegerField("Dauer (ms)", null=True, blank=True)
    last_error = models.TextField("letzter Fehler", blank=True)

    class Meta:
        verbose_name = "Webhook-Zustellung"
        verbose_name_plural = "Webhook-Zustellungen"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhookdelivery_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} an {self.subscription}"
