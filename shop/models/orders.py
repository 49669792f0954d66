"""What the shop adds to an Oscar order: the Verwaltung it is for, the contacts, the wished start
date, and per order line (one line = one service) the Gemeinden it is set up for.

Oscar's Order and Line stay unforked; these models hang off them one-to-one.
"""

from django.db import models
from django.db.models import Q

from shop.orders import pipeline

from .fields import (
    dienst_foreign_key,
    gemeinde_foreign_key,
    order_details_foreign_key,
    ordered_service_foreign_key,
    person_foreign_key,
    verwaltung_foreign_key,
)

# The status of an order line (one service) and of an order in Oscar's pipeline, one member per
# stage of shop.orders.pipeline.STAGES (RolloutStatus.LIVE == "Live").
RolloutStatus = models.TextChoices("RolloutStatus", pipeline.enum_members(), module=__name__)


def rollout_status_choices() -> list[tuple[str, str]]:
    """The fields' choices as a callable, so that a new stage needs no migration."""
    return RolloutStatus.choices


# A rejected or cancelled service no longer blocks ordering it again for the same Gemeinde.
ENDED_STATUSES = pipeline.ended_statuses()


class OrderDetails(models.Model):
    """The municipal side of one Oscar order."""

    order = models.OneToOneField(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="ozg_details",
        verbose_name="Bestellung",
    )
    verwaltung = verwaltung_foreign_key(related_name="order_details")
    wished_start_date = models.DateField("gewünschter Start")
    remarks = models.TextField("Anmerkungen", blank=True)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)

    class Meta:
        verbose_name = "Bestelldetails"
        verbose_name_plural = "Bestelldetails"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Bestellung {self.order.number} ({self.verwaltung.name})"


class ContactRole(models.TextChoices):
    """Who the rollout team talks to, in the order the checkout asks for them."""

    SUBJECT = "fachlich", "Fachliche Ansprechperson"
    TECHNICAL = "technisch", "Technische Ansprechperson"
    MAILBOX = "funktionspostfach", "Funktionspostfach"
    DATA_PROTECTION = "datenschutz", "Datenschutz"
    DIGITALISATION = "digitalisierung", "Digitalisierungsbeauftragte/r"


class OrderContact(models.Model):
    details = order_details_foreign_key(on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField("Rolle", max_length=30, choices=ContactRole.choices)
    name = models.CharField(
        "Name", max_length=200, blank=True, help_text="Beim Funktionspostfach: Bezeichnung."
    )
    email = models.EmailField("E-Mail")
    phone = models.CharField("Telefon", max_length=40, blank=True)

    class Meta:
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"
        constraints = [
            models.UniqueConstraint(fields=["details", "role"], name="order_contact_one_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name or self.email}"


class OrderedService(models.Model):
    """One ordered service: the shop's side of an Oscar order line."""

    line = models.OneToOneField(
        "order.Line",
        on_delete=models.PROTECT,
        related_name="ozg_service",
        verbose_name="Bestellposition",
    )
    details = order_details_foreign_key(on_delete=models.PROTECT, related_name="services")
    dienst = dienst_foreign_key(on_delete=models.PROTECT, related_name="ordered_services")
    verwaltung = verwaltung_foreign_key(related_name="ordered_services")
    service_url = models.URLField(
        "Adresse des Dienstes", max_length=500, blank=True, help_text="Sobald der Dienst live ist."
    )
    is_active = models.BooleanField(
        "aktiv", default=True, help_text="Nicht abgelehnt und nicht storniert."
    )

    class Meta:
        verbose_name = "Bestellter Dienst"
        verbose_name_plural = "Bestellte Dienste"
        ordering = ["-pk"]
        # Meine Dienste pages through a Verwaltung's services.
        indexes = [
            models.Index(fields=["verwaltung", "dienst"], name="orderedsvc_verwaltung_dienst")
        ]

    def __str__(self) -> str:
        return f"{self.dienst.title} für {self.verwaltung.name}"


class ServiceCoverage(models.Model):
    """That an ordered service is set up for one Gemeinde (for a Kreis: for the Kreis itself,
    without Gemeinde). The database allows one active row per service and Gemeinde, so that two
    people ordering at the same moment cannot both succeed."""

    ordered_service = ordered_service_foreign_key(on_delete=models.CASCADE, related_name="coverage")
    dienst = dienst_foreign_key(on_delete=models.PROTECT, related_name="coverage")
    verwaltung = verwaltung_foreign_key(related_name="service_coverage")
    gemeinde = gemeinde_foreign_key(related_name="service_coverage")
    is_active = models.BooleanField("aktiv", default=True)

    class Meta:
        verbose_name = "Dienst je Gemeinde"
        verbose_name_plural = "Dienste je Gemeinde"
        constraints = [
            models.UniqueConstraint(
                fields=["dienst", "gemeinde"],
                condition=Q(is_active=True, gemeinde__isnull=False),
                name="coverage_one_active_order_per_dienst_and_gemeinde",
            ),
            models.UniqueConstraint(
                fields=["dienst", "verwaltung"],
                condition=Q(is_active=True, gemeinde__isnull=True),
                name="coverage_one_active_order_per_dienst_and_kreis",
            ),
        ]
        indexes = [models.Index(fields=["verwaltung", "dienst"], name="coverage_verwaltung_dienst")]

    def __str__(self) -> str:
        where = self.gemeinde.name if self.gemeinde_id else self.verwaltung.name
        return f"{self.dienst.title} für {where}"


class RolloutEvent(models.Model):
    """One status change of an ordered service: the history the order page shows, and the
    reason staff gave for a rejection or cancellation."""

    ordered_service = ordered_service_foreign_key(on_delete=models.CASCADE, related_name="events")
    old_status = models.CharField("vorher", max_length=30, choices=rollout_status_choices)
    new_status = models.CharField("nachher", max_length=30, choices=rollout_status_choices)
    reason = models.TextField("Begründung", blank=True)
    service_url = models.URLField("Adresse des Dienstes", max_length=500, blank=True)
    changed_by = person_foreign_key(verbose_name="geändert von")
    # A change through the status API (/api/umsetzung/) names the operator's system; it counts
    # as the rollout team's (by_staff).
    changed_by_client = models.ForeignKey(
        "shop.ApiClient",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geändert über API-Zugang",
    )
    # Recorded with the change, not read from the person later: the Verwaltung sees changes of
    # the rollout team only as "ITVSH/Dataport", changes of its own members by name.
    by_staff = models.BooleanField(
        "vom Umsetzungsteam",
        default=True,
        help_text="Für die Verwaltung ohne Namen als „ITVSH/Dataport“ angezeigt.",
    )
    created_at = models.DateTimeField("geändert am", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Statusänderung"
        verbose_name_plural = "Statusänderungen"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.ordered_service}: {self.old_status} → {self.new_status}"


class OrderMessage(models.Model):
    """A question or answer about an order (Rückfrage), between the Verwaltung's members and
    the fulfilment staff. `read_at`: when the other side first read it."""

    details = order_details_foreign_key(on_delete=models.CASCADE, related_name="messages")
    author = person_foreign_key(
        verbose_name="verfasst von", required=True, related_name="order_messages"
    )
    from_staff = models.BooleanField("vom Umsetzungsteam", default=False)
    text = models.TextField("Nachricht", max_length=5000)
    created_at = models.DateTimeField("geschrieben am", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("gelesen am", null=True, blank=True)

    class Meta:
        verbose_name = "Rückfrage"
        verbose_name_plural = "Rückfragen"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Rückfrage zu {self.details.order.number} von {self.author}"
