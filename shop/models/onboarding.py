"""The onboarding checklist of a service: what a Verwaltung must supply before the rollout team can
set the service up (shop.onboarding). Editors define it on the service profile; publishing syncs
it here as a versioned definition of plain values, so that forms, the rollout gate and fulfilment
read the shop only."""

import uuid
from pathlib import PurePosixPath

from django.core.files.storage import storages
from django.db import models
from django.db.models import Q

from .fields import (
    dienst_foreign_key,
    gemeinde_foreign_key,
    ordered_service_foreign_key,
    person_foreign_key,
)


class OnboardingFieldType(models.TextChoices):
    TEXT = "text", "Text"
    EMAIL = "email", "E-Mail-Adresse"
    URL = "url", "Internetadresse"
    CHOICE = "choice", "Auswahl"
    YESNO = "yesno", "Ja/Nein"
    DATE = "date", "Datum"
    FILE = "file", "Datei"


class OnboardingChecklist(models.Model):
    """One version of a service's checklist. A publish that changes the definition adds a
    version; answers refer to a field by its `key` (stable across versions, the id of the
    editor's block), so renaming a field keeps what was already supplied.

    `fields`: a list of {"key", "type", "label", "help_text", "required", "per_gemeinde",
    "choices", "max_size_mb", "extensions"}; `steps`: a list of {"title", "text"}, the steps the
    rollout team goes through."""

    dienst = dienst_foreign_key(on_delete=models.CASCADE, related_name="onboarding_checklists")
    version = models.PositiveIntegerField("Fassung")
    fields = models.JSONField("Angaben", default=list, blank=True)
    steps = models.JSONField("Schritte der Einrichtung", default=list, blank=True)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)

    class Meta:
        verbose_name = "Checkliste zur Einrichtung"
        verbose_name_plural = "Checklisten zur Einrichtung"
        ordering = ["dienst", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["dienst", "version"], name="onboardingchecklist_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"Checkliste {self.dienst} (Fassung {self.version})"


def private_storage():
    """Uploads go to the private storage, looked up when used, so that configuring it (e.g. S3)
    later needs no migration; it never gives a public URL."""
    return storages["private"]


def onboarding_upload_to(instance: "OnboardingAnswer", filename: str) -> str:
    # The person's file name stays in `file_name` only: a path they chose could collide or
    # reveal something, a random one does neither.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"onboarding/{instance.ordered_service_id}/{uuid.uuid4().hex}{suffix}"


class OnboardingAnswer(models.Model):
    """One value supplied for one field of a line's checklist, for the Verwaltung (`gemeinde`
    empty) or for one of its Gemeinden. Never changed: a new value is a new row and the earlier
    one stops being current, so the history (who, when) stays."""

    ordered_service = ordered_service_foreign_key(
        on_delete=models.PROTECT, related_name="onboarding_answers"
    )
    gemeinde = gemeinde_foreign_key(related_name="+")
    field_key = models.CharField("Feld", max_length=64)
    label = models.CharField("Bezeichnung beim Speichern", max_length=255)
    value = models.TextField("Wert", blank=True)
    file = models.FileField(
        "Datei", upload_to=onboarding_upload_to, storage=private_storage, blank=True
    )
    file_name = models.CharField("Dateiname", max_length=255, blank=True)
    content_type = models.CharField("Dateityp", max_length=100, blank=True)
    is_current = models.BooleanField("aktuell", default=True)
    answered_by = person_foreign_key(verbose_name="angegeben von")
    created_at = models.DateTimeField("angegeben am", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Angabe zur Einrichtung"
        verbose_name_plural = "Angaben zur Einrichtung"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ordered_service", "field_key", "gemeinde"],
                condition=Q(is_current=True, gemeinde__isnull=False),
                name="onboardinganswer_one_current_per_gemeinde",
            ),
            models.UniqueConstraint(
                fields=["ordered_service", "field_key"],
                condition=Q(is_current=True, gemeinde__isnull=True),
                name="onboardinganswer_one_current_per_verwaltung",
            ),
        ]
        indexes = [
            models.Index(fields=["ordered_service", "is_current"], name="onboardinganswer_current")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.file_name or self.value}"

    @property
    def is_filled(self) -> bool:
        return answer_is_filled(value=self.value, file=self.file)


def answer_is_filled(*, value: str, file) -> bool:
    """Whether an answer supplies its value: a file (a stored file or its name), or text that is
    not only blanks. For rows read as values, the rule of OnboardingAnswer.is_filled."""
    return bool(file or value.strip())


class OnboardingCompletion(models.Model):
    """That a line's required data became complete: recorded once (the signal
    `onboarding_completed` is sent with it), so that saving again never announces it twice."""

    ordered_service = models.OneToOneField(
        "shop.OrderedService",
        on_delete=models.CASCADE,
        related_name="onboarding_completion",
        verbose_name="Bestellter Dienst",
    )
    completed_at = models.DateTimeField("vollständig seit", auto_now_add=True)

    class Meta:
        verbose_name = "Vollständige Angaben"
        verbose_name_plural = "Vollständige Angaben"

    def __str__(self) -> str:
        return f"Angaben vollständig: {self.ordered_service_id}"


class OnboardingReminder(models.Model):
    """A reminder mail about missing data, one per line and period (shop.onboarding.services.
    onboarding_reminders_send); the unique period makes a second run in it send nothing."""

    ordered_service = ordered_service_foreign_key(
        on_delete=models.CASCADE, related_name="onboarding_reminders"
    )
    period = models.PositiveIntegerField("Zeitraum")
    sent_at = models.DateTimeField("erinnert am", auto_now_add=True)

    class Meta:
        verbose_name = "Erinnerung an fehlende Angaben"
        verbose_name_plural = "Erinnerungen an fehlende Angaben"
        constraints = [
            models.UniqueConstraint(
                fields=["ordered_service", "period"], name="onboardingreminder_one_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"Erinnerung {self.period} zu {self.ordered_service_id}"
