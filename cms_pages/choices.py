"""The choices of a service profile's fields, apart from the models so that the declaration of
the profile's fields and filters (cms_pages.profile_fields) can use them without importing the
models."""

from django.db import models


class ServiceType(models.TextChoices):
    BASISDIENST = "basisdienst", "Basisdienst"
    ONLINE_DIENST_EFA = "online_dienst_efa", "Online-Dienst (EfA)"
    LANDESDIENST = "landesdienst", "Landesdienst"


class Reifegrad(models.IntegerChoices):
    NOT_ONLINE = 0, "0 – nicht online"
    INFORMATION = 1, "1 – Information online"
    FORM = 2, "2 – Formular online"
    ONLINE = 3, "3 – Online-Leistung"
    ONLINE_PLUS = 4, "4 – Online-Leistung plus"


class TransportRoute(models.TextChoices):
    OSCI_XTA = "osci_xta", "OSCI/XTA"
    FIT_CONNECT = "fit_connect", "FIT-Connect"
    NONE = "keine", "keiner nötig"


class Vertrauensniveau(models.TextChoices):
    NONE = "keins", "keine Identifizierung"
    LOW = "niedrig", "niedrig"
    SUBSTANTIAL = "substantiell", "substanziell"
    HIGH = "hoch", "hoch"
