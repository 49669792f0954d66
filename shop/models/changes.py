"""Changes after ordering (shop.orders.changes): corrections of an order's contacts, kept as an
immutable history with the old and the new values, and requests of a Verwaltung to withdraw an
ordered service, which the fulfilment staff confirm or reject."""

from django.db import models
from django.db.models import Q

from .evidence import Evidence
from .fields import order_details_foreign_key, ordered_service_foreign_key, person_foreign_key
from .orders import ContactRole


class ContactChange(Evidence):
    """One role's contact as it was before and after a member corrected it. Never changed or
    deleted: the old values are what the fulfilment staff worked with until then. Empty new
    values: the (optional) role was removed; empty old values: it was added."""

    details = order_details_foreign_key(on_delete=models.PROTECT, related_name="contact_changes")
    role = models.CharField("Rolle", max_length=30, choices=ContactRole.choices)
    old_name = models.CharField("Name vorher", max_length=200, blank=True)
    old_email = models.EmailField("E-Mail vorher", blank=True)
    old_phone = models.CharField("Telefon vorher", max_length=40, blank=True)
    new_name = models.CharField("Name nachher", max_length=200, blank=True)
    new_email = models.EmailField("E-Mail nachher", blank=True)
    new_phone = models.CharField("Telefon nachher", max_length=40, blank=True)
    changed_by = person_foreign_key(verbose_name="geändert von", required=True)
    changed_at = models.DateTimeField("geändert am", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Änderung einer Ansprechperson"
        verbose_name_plural = "Änderungen der Ansprechpersonen"
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} der Bestellung {self.details.order.number}"


class WithdrawalRequest(models.Model):
    """A Verwaltung's request to withdraw (stornieren) an ordered service that is not yet live.
    The database allows one open request per service, so that a double submit records one."""

    class Status(models.TextChoices):
        OPEN = "offen", "offen"
        CONFIRMED = "bestaetigt", "bestätigt"
        REJECTED = "abgelehnt", "abgelehnt"

    ordered_service = ordered_service_foreign_key(
        on_delete=models.PROTECT, related_name="withdrawal_requests"
    )
    reason = models.TextField("Begründung", max_length=2000)
    requested_by = person_foreign_key(verbose_name="beantragt von", required=True)
    requested_at = models.DateTimeField("beantragt am", auto_now_add=True, db_index=True)
    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = person_foreign_key(verbose_name="entschieden von")
    decided_at = models.DateTimeField("entschieden am", null=True, blank=True)
    decision_reason = models.TextField(
        "Begründung der Ablehnung", blank=True, help_text="Geht an die Kommune."
    )

    class Meta:
        verbose_name = "Antrag auf Stornierung"
        verbose_name_plural = "Anträge auf Stornierung"
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ordered_service"],
                condition=Q(status="offen"),
                name="withdrawal_one_open_request_per_service",
            )
        ]

    def __str__(self) -> str:
        return f"Stornierung von {self.ordered_service} ({self.get_status_display()})"
