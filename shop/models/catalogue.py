"""The OZG catalogue (Themenfelder, Lagen, OZG-Leistungen, LeiKa-Leistungen) and the shop's
record of each service offered, synced from its Wagtail profile when the profile is published."""

from django.db import models
from wagtail.search import index

from .fields import DienstAvailability, ResponsibleKindsField, availability_field


class Themenfeld(models.Model):
    name = models.CharField("Name", max_length=200, unique=True)
    slug = models.SlugField("Kurzname", max_length=200, unique=True)

    class Meta:
        verbose_name = "Themenfeld"
        verbose_name_plural = "Themenfelder"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Lage(models.Model):
    """A life or business situation (Lebens- oder Unternehmenslage) within a Themenfeld."""

    themenfeld = models.ForeignKey(
        Themenfeld, on_delete=models.PROTECT, related_name="lagen", verbose_name="Themenfeld"
    )
    name = models.CharField("Name", max_length=200)
    slug = models.SlugField("Kurzname", max_length=200, unique=True)

    class Meta:
        verbose_name = "Lage"
        verbose_name_plural = "Lagen"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["themenfeld", "name"], name="lage_unique_per_themenfeld"
            )
        ]

    def __str__(self) -> str:
        return self.name


class OzgLeistung(index.Indexed, models.Model):
    ozg_id = models.CharField("OZG-ID", max_length=10, unique=True)
    name = models.CharField("Name", max_length=300)
    lage = models.ForeignKey(
        Lage, on_delete=models.PROTECT, related_name="ozg_leistungen", verbose_name="Lage"
    )
    # Entries are never deleted (service pages and orders refer to them); an import marks those
    # its files no longer name, so that the next import counts only newly missing ones.
    in_catalogue = models.BooleanField("im aktuellen Katalog", default=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("ozg_id"),
        index.AutocompleteField("ozg_id"),
        index.FilterField("ozg_id"),
    ]

    class Meta:
        verbose_name = "OZG-Leistung"
        verbose_name_plural = "OZG-Leistungen"
        ordering = ["ozg_id"]

    def __str__(self) -> str:
        return f"{self.name} (OZG-ID {self.ozg_id})"


class LeikaLeistung(models.Model):
    """A LeiKa service; `key` is empty where the catalogue has none for it."""

    key = models.CharField("LeiKa-Schlüssel", max_length=14, blank=True, db_index=True)
    name = models.CharField("Name", max_length=500)
    ozg_id = models.CharField(
        "OZG-ID laut Katalog",
        max_length=10,
        help_text="Wie im Katalog angegeben, auch wenn die OZG-Leistung dort fehlt.",
    )
    ozg_leistung = models.ForeignKey(
        OzgLeistung,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leika_leistungen",
        verbose_name="OZG-Leistung",
    )
    leika_type = models.CharField("Typisierung", max_length=20, blank=True)
    legal_basis = models.TextField("Rechtsgrundlage", blank=True)
    laws = models.TextField("Gesetze", blank=True)
    law_abbreviations = models.CharField("Gesetzeskürzel", max_length=300, blank=True)
    in_catalogue = models.BooleanField("im aktuellen Katalog", default=True)

    class Meta:
        verbose_name = "LeiKa-Leistung"
        verbose_name_plural = "LeiKa-Leistungen"
        ordering = ["key", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="leika_key_unique_when_set"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})" if self.key else self.name


class Dienst(models.Model):
    """A service offered in the shop: the shop's side of a published Wagtail service profile.

    Synced when the profile is published, so checkout and fulfilment never read the page tree.
    `page_id` is a plain value (the shop does not depend on the CMS); the Oscar product is what
    baskets and orders point at and outlives the page when orders exist.
    """

    Availability = DienstAvailability

    page_id = models.PositiveIntegerField("Seiten-ID", unique=True, null=True, blank=True)
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.PROTECT,
        related_name="ozg_dienst",
        verbose_name="Produkt",
    )
    title = models.CharField("Titel", max_length=255)
    url = models.CharField("Adresse des Steckbriefs", max_length=500, blank=True)
    is_published = models.BooleanField("veröffentlicht", default=False)
    availability = availability_field()
    ozg_leistungen = models.ManyToManyField(
        OzgLeistung, blank=True, related_name="dienste", verbose_name="OZG-Leistungen"
    )
    responsible_kinds = ResponsibleKindsField(
        "zuständig",
        help_text="Die Arten von Verwaltungen, die den Dienst bestellen dürfen; leer: alle.",
    )
    required_agreements = models.ManyToManyField(
        "shop.Agreement",
        blank=True,
        related_name="dienste",
        verbose_name="erforderliche Vereinbarungen",
        help_text="Zusätzlich zu den Vereinbarungen, die jede Bestellung braucht.",
    )
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("geändert am", auto_now=True)

    class Meta:
        verbose_name = "Dienst"
        verbose_name_plural = "Dienste"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_orderable(self) -> bool:
        return self.is_published and self.availability == self.Availability.AVAILABLE

    @property
    def unorderable_reason(self) -> str:
        if not self.is_published:
            return "Dieser Dienst wird derzeit nicht angeboten."
        if self.availability == self.Availability.IN_PREPARATION:
            return "Dieser Dienst ist in Vorbereitung und kann noch nicht bestellt werden."
        return ""
