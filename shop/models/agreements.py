"""Agreements (Nutzungsbedingungen, Beitrittserklärung, AVV, service terms), their immutable
published versions, and the acceptance records that are kept as evidence."""

import datetime
import hashlib
import ipaddress
import json

from django.db import models

from .evidence import Evidence, ImmutableError
from .fields import person_foreign_key, verwaltung_foreign_key


class AgreementKind(models.TextChoices):
    TERMS_OF_USE = "nutzungsbedingungen", "Allgemeine Nutzungsbedingungen"
    ACCESSION = "beitrittserklaerung", "Beitrittserklärung zur Nachnutzung"
    DATA_PROCESSING = "avv", "Auftragsverarbeitungsvertrag (AVV)"
    SERVICE_TERMS = "dienstspezifisch", "Dienstspezifische Bedingungen"


class Agreement(models.Model):
    kind = models.CharField("Art", max_length=30, choices=AgreementKind.choices)
    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField("Kurzname", max_length=100, unique=True)
    required_for_every_order = models.BooleanField(
        "für jede Bestellung erforderlich",
        default=False,
        help_text="Die Allgemeinen Nutzungsbedingungen gelten für jede Bestellung.",
    )
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)

    class Meta:
        verbose_name = "Vereinbarung"
        verbose_name_plural = "Vereinbarungen"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AgreementVersionQuerySet(models.QuerySet):
    """QuerySet.update() sends no signal: refuse it here when it would touch a published
    version (delete() sends pre_delete per row, which shop.agreements.receivers refuses)."""

    def update(self, **kwargs):
        if self.filter(published_at__isnull=False).exists():
            raise ImmutableError("Veröffentlichte Versionen werden nie geändert.")
        return super().update(**kwargs)


class AgreementVersion(models.Model):
    """One version of an agreement's text. Once published it is never changed again: a change is
    a new version."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="versions", verbose_name="Vereinbarung"
    )
    version = models.CharField("Version", max_length=20)
    # Rich text (HTML), edited in Wagtail's editor.
    text = models.TextField("Vertragstext")
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="PDF",
    )
    valid_from = models.DateField("gültig ab")
    published_at = models.DateTimeField("veröffentlicht am", null=True, blank=True)
    text_sha256 = models.CharField("SHA-256 des Textes", max_length=64, editable=False)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)

    objects = AgreementVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "Version einer Vereinbarung"
        verbose_name_plural = "Versionen von Vereinbarungen"
        ordering = ["agreement", "-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "version"], name="agreement_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement.title}, Version {self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


# The link before the first record of the chain.
CHAIN_START = "0" * 64


def acceptance_evidence(record) -> bytes:
    """An acceptance record's evidence as canonical bytes: every stored column except the
    database id and the chain hashes, only the record's own columns (a renamed Verwaltung or
    order elsewhere does not break the chain), each value in one fixed spelling whatever the
    database hands back (UTC time with microseconds, the IP address written out in full).

    Takes any object with the record's attributes, so that migrations chain their historical
    models with the very definition that the verification uses."""
    return json.dumps(
        {
            "sequence": record.sequence,
            "order": record.order_id,
            "agreement_version": record.agreement_version_id,
            "text_sha256": record.text_sha256,
            "user": record.user_id,
            "person_name": record.person_name,
            "person_email": record.person_email,
            "verwaltung": record.verwaltung_id,
            "verwaltung_name": record.verwaltung_name,
            "accepted_at": record.accepted_at.astimezone(datetime.UTC).strftime(
                "%Y-%m-%dT%H:%M:%S.%fZ"
            ),
            "ip_address": _ip_address_spelling(record.ip_address),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


def _ip_address_spelling(value: str | None) -> str | None:
    """PostgreSQL's inet and SQLite's text spell IPv6 addresses differently; a value that is no
    address at all (changed below the ORM) is taken as it is, so that the hash tells."""
    if not value:
        return None
    try:
        return ipaddress.ip_address(value).exploded
    except ValueError:
        return value


def acceptance_chain_hash(record) -> str:
    """What the record's `chain_hash` must be, given its `previous_hash` and its evidence as
    they are now."""
    return hashlib.sha256(
        record.previous_hash.encode("utf-8") + acceptance_evidence(record)
    ).hexdigest()


class AcceptanceRecord(Evidence):
    """Evidence that a person accepted one agreement version for a Verwaltung with an order.

    Names and the text hash are copied, so that the record stays complete whatever happens to
    the person, the Verwaltung or the text later. Never edited, never deleted.

    The records form one hash chain in the order of `sequence` (1, 2, 3, …): `chain_hash` is the
    SHA-256 of `previous_hash` (the `chain_hash` of the record before) and of this record's
    evidence (acceptance_evidence), so that changing or deleting a record below the ORM shows (see
    shop.agreements.selectors.acceptance_chain_verify). Written only by
    shop.agreements.services.acceptance_records_append.
    """

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="acceptance_records",
        verbose_name="Bestellung",
    )
    agreement_version = models.ForeignKey(
        AgreementVersion,
        on_delete=models.PROTECT,
        related_name="acceptance_records",
        verbose_name="Version",
    )
    text_sha256 = models.CharField("SHA-256 des angenommenen Textes", max_length=64)
    user = person_foreign_key(
        verbose_name="Person", required=True, related_name="acceptance_records"
    )
    person_name = models.CharField("Name der Person", max_length=300)
    person_email = models.EmailField("E-Mail der Person")
    verwaltung = verwaltung_foreign_key(related_name="acceptance_records")
    verwaltung_name = models.CharField("Name der Verwaltung", max_length=200)
    accepted_at = models.DateTimeField("angenommen am")
    ip_address = models.GenericIPAddressField("IP-Adresse", null=True, blank=True)
    sequence = models.PositiveBigIntegerField("laufende Nummer", unique=True, editable=False)
    previous_hash = models.CharField("Prüfsumme des vorigen Nachweises", max_length=64)
    chain_hash = models.CharField("Prüfsumme in der Kette", max_length=64)

    class Meta:
        verbose_name = "Annahmenachweis"
        verbose_name_plural = "Annahmenachweise"
        ordering = ["-accepted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "agreement_version"], name="acceptance_once_per_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement_version} – {self.verwaltung_name} – {self.person_email}"
