"""The municipal registry: administering bodies (Verwaltungen) and Gemeinden.

Imported from the Destatis Gemeindeverzeichnis; a body or Gemeinde that vanishes from a newer
file is marked inactive, never deleted, because orders point at it.
"""

from django.core.validators import RegexValidator
from django.db import models

AGS_VALIDATOR = RegexValidator(r"^[0-9]{8}$", "Der AGS besteht aus 8 Ziffern.")
ARS_VALIDATOR = RegexValidator(r"^[0-9]{12}$", "Der ARS besteht aus 12 Ziffern.")
REGIONAL_KEY_VALIDATOR = RegexValidator(
    r"^([0-9]{5}|[0-9]{9})$", "Der Regionalschlüssel besteht aus 5 oder 9 Ziffern."
)


class VerwaltungKind(models.TextChoices):
    """The kinds of administering bodies, named as the Destatis Gemeindeverzeichnis names them.

    The first five are Schleswig-Holstein's; the others come from the other Länder's files
    (Textkennzeichen in brackets): Landkreis (44), Stadtkreis (42), Regionalverband (45),
    Samtgemeinde (52), Verbandsgemeinde (53), Verwaltungsgemeinschaft (54), Verwaltungsverband
    (56), erfüllende Gemeinde (58) and, in Länder without Ämter, the verbandsfreie Gemeinde (50).
    """

    KREISFREIE_STADT = "kreisfreie_stadt", "Kreisfreie Stadt"
    KREIS = "kreis", "Kreis"
    AMT = "amt", "Amt"
    KIRCHSPIELSLANDGEMEINDE = "kirchspielslandgemeinde", "Kirchspielslandgemeinde"
    AMTSFREIE_GEMEINDE = "amtsfreie_gemeinde", "Amtsfreie Gemeinde/Stadt"
    STADTKREIS = "stadtkreis", "Stadtkreis"
    LANDKREIS = "landkreis", "Landkreis"
    REGIONALVERBAND = "regionalverband", "Regionalverband"
    SAMTGEMEINDE = "samtgemeinde", "Samtgemeinde"
    VERBANDSGEMEINDE = "verbandsgemeinde", "Verbandsgemeinde"
    VERWALTUNGSGEMEINSCHAFT = "verwaltungsgemeinschaft", "Verwaltungsgemeinschaft"
    VERWALTUNGSVERBAND = "verwaltungsverband", "Verwaltungsverband"
    ERFUELLENDE_GEMEINDE = "erfuellende_gemeinde", "Erfüllende Gemeinde"
    VERBANDSFREIE_GEMEINDE = "verbandsfreie_gemeinde", "Verbandsfreie Gemeinde/Stadt"


# Kreis level: bodies that are a Kreis (with kreisangehörige Gemeinden and their Verbände) and
# bodies that are a kreisfreie Stadt (their one Gemeinde).
KREIS_KINDS = frozenset(
    {VerwaltungKind.KREIS, VerwaltungKind.LANDKREIS, VerwaltungKind.REGIONALVERBAND}
)
KREISFREIE_KINDS = frozenset({VerwaltungKind.KREISFREIE_STADT, VerwaltungKind.STADTKREIS})
KREIS_LEVEL_KINDS = KREIS_KINDS | KREISFREIE_KINDS
# Bodies that are themselves one Gemeinde (below the Kreis level).
VERBANDSFREIE_KINDS = frozenset(
    {VerwaltungKind.AMTSFREIE_GEMEINDE, VerwaltungKind.VERBANDSFREIE_GEMEINDE}
)


class VerwaltungQuerySet(models.QuerySet):
    def active(self) -> "VerwaltungQuerySet":
        return self.filter(active=True)

    def kreis_level(self) -> "VerwaltungQuerySet":
        return self.filter(kind__in=KREIS_LEVEL_KINDS)


class Verwaltung(models.Model):
    """A body that orders and runs services: Kreis, kreisfreie Stadt, Amt, amtsfreie Gemeinde
    and their counterparts in other Länder (Landkreis, Samtgemeinde, Verbandsgemeinde, ...)."""

    kind = models.CharField("Art", max_length=30, choices=VerwaltungKind.choices, db_index=True)
    name = models.CharField("Name", max_length=200)
    regional_key = models.CharField(
        "Regionalschlüssel",
        max_length=12,
        unique=True,
        validators=[REGIONAL_KEY_VALIDATOR],
        help_text="Kreisebene: 5 Stellen (Land, Regierungsbezirk, Kreis); Gemeindeverband (Amt, "
        "Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft, …) und verbandsfreie Gemeinde: "
        "9 Stellen (dazu der Gemeindeverband).",
    )
    ags = models.CharField(
        "Amtlicher Gemeindeschlüssel",
        max_length=8,
        blank=True,
        db_index=True,
        validators=[AGS_VALIDATOR],
        help_text="Nur bei Verwaltungen, die selbst eine Gemeinde sind.",
    )
    kreis = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verwaltungen_im_kreis",
        verbose_name="Kreis",
        help_text="Der Kreis oder die kreisfreie Stadt, zu der die Verwaltung gehört "
        "(bei Kreisen und kreisfreien Städten sie selbst).",
    )
    active = models.BooleanField("aktiv", default=True, db_index=True)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("geändert am", auto_now=True)

    objects = VerwaltungQuerySet.as_manager()

    class Meta:
        verbose_name = "Verwaltung"
        verbose_name_plural = "Verwaltungen"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def is_kreis_level(self) -> bool:
        return self.kind in KREIS_LEVEL_KINDS


class Gemeinde(models.Model):
    class Kind(models.TextChoices):
        KREISFREIE_STADT = "kreisfreie_stadt", "Kreisfreie Stadt"
        STADT = "stadt", "Stadt"
        GEMEINDE = "gemeinde", "Gemeinde"
        MARKT = "markt", "Markt"
        STADTKREIS = "stadtkreis", "Stadtkreis"
        GROSSE_KREISSTADT = "grosse_kreisstadt", "Große Kreisstadt"
        GEMEINDEFREIES_GEBIET = "gemeindefreies_gebiet", "Bewohntes gemeindefreies Gebiet"

    ags = models.CharField(
        "Amtlicher Gemeindeschlüssel (AGS)", max_length=8, unique=True, validators=[AGS_VALIDATOR]
    )
    ars = models.CharField(
        "Amtlicher Regionalschlüssel (ARS)", max_length=12, unique=True, validators=[ARS_VALIDATOR]
    )
    name = models.CharField("Name", max_length=200)
    kind = models.CharField("Art", max_length=30, choices=Kind.choices)
    population = models.PositiveIntegerField("Einwohner", default=0)
    area_km2 = models.DecimalField(
        "Fläche (km²)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    postcode = models.CharField("Postleitzahl", max_length=5, blank=True)
    latitude = models.DecimalField(
        "Breitengrad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        "Längengrad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    kreis = models.ForeignKey(
        Verwaltung,
        on_delete=models.PROTECT,
        related_name="gemeinden_im_kreis",
        verbose_name="Kreis",
    )
    verwaltung = models.ForeignKey(
        Verwaltung,
        on_delete=models.PROTECT,
        related_name="gemeinden",
        verbose_name="verwaltet von",
    )
    active = models.BooleanField("aktiv", default=True, db_index=True)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("geändert am", auto_now=True)

    class Meta:
        verbose_name = "Gemeinde"
        verbose_name_plural = "Gemeinden"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
