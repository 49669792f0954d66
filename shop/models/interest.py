"""Interest before readiness: a Verwaltung says "we want this service" while it is still in
Vorbereitung, and its members are told once when it becomes orderable (shop.interest)."""

from django.db import models

from .fields import dienst_foreign_key, person_foreign_key, verwaltung_foreign_key

NOTE_MAX_LENGTH = 1000


class DienstInterest(models.Model):
    """One Verwaltung's interest in one service: registering again updates the note,
    withdrawing deletes it. `notified_at` records that its members were mailed that the service
    is orderable now; it is set once and never cleared, so nobody is mailed twice."""

    dienst = dienst_foreign_key(on_delete=models.CASCADE, related_name="interests")
    verwaltung = verwaltung_foreign_key(related_name="dienst_interests")
    note = models.TextField("Anmerkung", max_length=NOTE_MAX_LENGTH, blank=True)
    registered_by = person_foreign_key(verbose_name="bekundet von")
    created_at = models.DateTimeField("bekundet am", auto_now_add=True)
    updated_at = models.DateTimeField("geändert am", auto_now=True)
    notified_at = models.DateTimeField("benachrichtigt am", null=True, blank=True)

    class Meta:
        verbose_name = "Interesse an einem Dienst"
        verbose_name_plural = "Interessen an Diensten"
        ordering = ["dienst__title", "verwaltung__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["dienst", "verwaltung"], name="dienstinterest_one_per_verwaltung"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verwaltung}: {self.dienst}"
