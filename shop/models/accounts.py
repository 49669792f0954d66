from django.conf import settings
from django.db import models
from oscar.apps.customer.abstract_models import AbstractUser

from .evidence import Evidence
from .fields import person_foreign_key, verwaltung_foreign_key


class User(AbstractUser):
    """A person; the e-mail address is the login (Oscar's user, unique e-mail)."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "Person"
        verbose_name_plural = "Personen"


class Membership(models.Model):
    """A person's right to act for a Verwaltung; staff, or an admin of the Verwaltung, approve
    it before it counts. Never deleted: a member who leaves is "entfernt", and every decision
    stays in MembershipDecision."""

    class Role(models.TextChoices):
        ORDERING = "bestellberechtigt", "bestellberechtigt"
        READ_ONLY = "lesend", "lesend"

    class Status(models.TextChoices):
        REQUESTED = "beantragt", "beantragt"
        APPROVED = "bestaetigt", "bestätigt"
        REJECTED = "abgelehnt", "abgelehnt"
        REMOVED = "entfernt", "entfernt"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="Person",
    )
    verwaltung = verwaltung_foreign_key(related_name="memberships")
    role = models.CharField("Rolle", max_length=20, choices=Role.choices, default=Role.ORDERING)
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    # Besides the role: a Verwaltungsadmin manages the Verwaltung's members (shop.members).
    is_admin = models.BooleanField(
        "Verwaltungsadmin",
        default=False,
        help_text="Darf die Mitglieder der Verwaltung verwalten: Anträge entscheiden, Rollen "
        "ändern, Mitglieder entfernen.",
    )
    created_at = models.DateTimeField("beantragt am", auto_now_add=True)
    decided_at = models.DateTimeField("entschieden am", null=True, blank=True)
    decided_by = person_foreign_key(verbose_name="entschieden von")
    reason = models.TextField(
        "Begründung", blank=True, help_text="Bei einer Ablehnung: warum (geht an die Person)."
    )

    class Meta:
        verbose_name = "Mitgliedschaft"
        verbose_name_plural = "Mitgliedschaften"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "verwaltung"], name="membership_one_per_user_and_verwaltung"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.verwaltung} ({self.get_status_display()})"


class MembershipDecision(Evidence):
    """Who decided what about a membership, and when: a request approved or rejected, a role
    changed, a member removed. Written with the change, never edited, never deleted."""

    class Action(models.TextChoices):
        APPROVED = "bestaetigt", "Antrag bestätigt"
        REJECTED = "abgelehnt", "Antrag abgelehnt"
        ROLE_CHANGED = "rolle_geaendert", "Rolle geändert"
        REMOVED = "entfernt", "Mitglied entfernt"

    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name="Mitgliedschaft",
    )
    action = models.CharField("Entscheidung", max_length=20, choices=Action.choices)
    decided_by = person_foreign_key(verbose_name="entschieden von", required=True)
    # As the deciding person acted: "ITVSH" (staff) or "Verwaltungsadmin".
    decided_as = models.CharField("entschieden als", max_length=20)
    role_before = models.CharField("Rolle vorher", max_length=20, blank=True)
    role_after = models.CharField("Rolle nachher", max_length=20, blank=True)
    admin_before = models.BooleanField("Verwaltungsadmin vorher", default=False)
    admin_after = models.BooleanField("Verwaltungsadmin nachher", default=False)
    reason = models.TextField("Begründung", blank=True)
    decided_at = models.DateTimeField("entschieden am", auto_now_add=True)

    class Meta:
        verbose_name = "Entscheidung über eine Mitgliedschaft"
        verbose_name_plural = "Entscheidungen über Mitgliedschaften"
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.membership}"


class ThrottleEvent(models.Model):
    """A mail sent to an address, or a request from a client, that counts towards a limit.

    Counted in the database rather than in the cache, so that the limits hold while Redis is
    unreachable; rows older than the window are pruned when new ones are written.
    """

    class Scope(models.TextChoices):
        MAIL_TO_ADDRESS = "mail_to_address", "E-Mail an eine Adresse"
        CLIENT_REQUEST = "client_request", "Anfrage eines Anschlusses"

    scope = models.CharField("Art", max_length=20, choices=Scope.choices)
    key = models.CharField("E-Mail-Adresse oder IP-Adresse", max_length=254)
    created_at = models.DateTimeField("Zeitpunkt", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Drosselungsereignis"
        verbose_name_plural = "Drosselungsereignisse"
        indexes = [
            models.Index(fields=["scope", "key", "created_at"], name="throttle_scope_key_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()}: {self.key}"
