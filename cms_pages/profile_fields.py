"""The one definition of a service profile's public fields and of the catalogue's filters.

Derived from it: Wagtail's `api_fields` of ServicePage, the schemas of the services API
(cms_pages.api) and the description of Wagtail's pages API in the OpenAPI document
(ozg_site.api), the catalogue's URL parameters and their allowed values (cms_pages.catalogue),
its filter conditions and facets (cms_pages.selectors), and the facts of the profile page.
A new public field is its model field (with its migration) and one declaration here.

No import of the models: cms_pages.models derives its `api_fields` from this module.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Choices
from wagtail.api import APIField

from shop.dienste.responsibility import responsibility_text
from shop.models import Dienst, VerwaltungKind

from .choices import Reifegrad, ServiceType, TransportRoute, Vertrauensniveau

# The sections of the profile page that show facts (site/templates/cms_pages/service_page.html).
STECKBRIEF = "steckbrief"
VORAUSSETZUNGEN = "voraussetzungen"

REQUIRED = ("erforderlich", "nicht erforderlich")

# The catalogue's filter by the kinds of Verwaltung responsible for a service; signed-in members
# get it preset to their own Verwaltungen' kinds ("für meine Verwaltung").
RESPONSIBILITY_FILTER = "zustaendig"


@dataclass(frozen=True, kw_only=True)
class ProfileField:
    """An attribute of ServicePage, under the same name in both APIs."""

    name: str
    # Its type in the services API and in the OpenAPI document.
    api_type: object = str
    description: str = ""
    # On the profile page, in `section`; no label: not shown there.
    label: str = ""
    section: str = STECKBRIEF
    # The value's label on the page and the values a filter allows.
    choices: type[Choices] | None = None
    # A boolean's text for True and False on the page.
    yes_no: tuple[str, str] = REQUIRED
    # The page's text for an empty value; None leaves the fact out.
    when_empty: str | None = None
    # In the services API's list of services, not only in the profile.
    in_listing: bool = False
    # False: only in Wagtail's pages API (the StreamField body, which it renders as blocks).
    in_services_api: bool = True
    # The catalogue's URL parameter that filters by this field (with its choices).
    filter_parameter: str = ""
    # The value is a list of choices, of which an empty one stands for all of them.
    many: bool = False
    # The page's text for the value, where the label of a choice is not enough.
    text: Callable[..., str] | None = None

    @property
    def api_description(self) -> str:
        description = self.description or self.label
        if self.choices is not None:
            description = f"{description}: {_one_of(self.choices)}"
        return description


@dataclass(frozen=True, kw_only=True)
class CatalogueFilter:
    """A filter of the catalogue (/dienste/ and /api/dienste), in the order the page shows them.

    It filters either a field of the page with that field's choices, or by the slug of a level of
    the OZG classification that the page's OZG-Leistungen belong to (`classification`: the path
    from an OzgLeistung, a Lage or above it), whose options are the Lagen and Themenfelder."""

    parameter: str
    label: str
    description: str
    field: str = ""
    choices: type[Choices] | None = None
    classification: str = ""
    # The field holds a list of choices (empty: all of them); a page matches an option it lists.
    many: bool = False

    @cached_property
    def allowed_values(self) -> frozenset[str] | None:
        """None: any slug (the classification's, looked up in the database)."""
        if self.choices is None:
            return None
        return frozenset(str(value) for value in self.choices.values)


def _one_of(choices: type[Choices]) -> str:
    """The values for the API's description, e.g. "verfuegbar oder in_vorbereitung"."""
    *others, last = (str(value) for value in choices.values)
    return f"{', '.join(others)} oder {last}" if others else last


def _prerequisite(name: str, label: str, **declaration) -> ProfileField:
    """A field that the profile shows under "Voraussetzungen"."""
    return ProfileField(name=name, label=label, section=VORAUSSETZUNGEN, **declaration)


PROFILE_FIELDS: tuple[ProfileField, ...] = (
    ProfileField(name="short_description", description="Kurzbeschreibung", in_listing=True),
    ProfileField(
        name="body",
        api_type=list[dict],
        description="Die Beschreibung als Blöcke (type, value, id)",
        in_services_api=False,
    ),
    ProfileField(
        name="service_type",
        label="Art des Dienstes",
        choices=ServiceType,
        in_listing=True,
        filter_parameter="typ",
    ),
    ProfileField(name="provider", label="Anbieter"),
    ProfileField(name="operating_model", label="Betriebsmodell"),
    ProfileField(
        name="reifegrad",
        api_type=int,
        label="OZG-Reifegrad",
        choices=Reifegrad,
        in_listing=True,
        filter_parameter="reifegrad",
    ),
    ProfileField(
        name="availability",
        label="Verfügbarkeit",
        choices=Dienst.Availability,
        in_listing=True,
        filter_parameter="verfuegbarkeit",
    ),
    ProfileField(name="cost", label="Kosten"),
    ProfileField(
        name="responsible_kinds",
        api_type=list[str],
        label="Zuständig",
        description="Die Arten von Verwaltungen, die den Dienst bestellen dürfen (leer: alle)",
        choices=VerwaltungKind,
        in_listing=True,
        filter_parameter=RESPONSIBILITY_FILTER,
        many=True,
        text=lambda kinds: responsibility_text(kinds=kinds),
    ),
    _prerequisite("requires_servicekonto", "Servicekonto", api_type=bool),
    _prerequisite("requires_postfach", "Postfach", api_type=bool),
    _prerequisite("requires_epayment", "ePayment", api_type=bool),
    _prerequisite("transport_route", "Transportweg", choices=TransportRoute),
    _prerequisite("requires_dvdv_entry", "DVDV-Eintrag", api_type=bool),
    _prerequisite("vertrauensniveau", "Vertrauensniveau", choices=Vertrauensniveau),
    _prerequisite("fachverfahren_interface", "Schnittstelle zum Fachverfahren", when_empty="keine"),
    ProfileField(
        name="ozg_ids", api_type=list[str], description="IDs der OZG-Leistungen", in_listing=True
    ),
    ProfileField(name="leika_keys", api_type=list[str], description="LeiKa-Schlüssel"),
    ProfileField(
        name="product_id",
        api_type=int | None,
        description="Das Produkt im Shop, leer solange es keins gibt",
    ),
    ProfileField(name="is_orderable", api_type=bool, description="Jetzt bestellbar"),
)

# The filters on the OZG classification come first; those of fields follow in the fields' order.
CLASSIFICATION_FILTERS = (
    CatalogueFilter(
        parameter="themenfeld",
        label="Themenfeld",
        description="Kurzname eines Themenfelds",
        classification="lage__themenfeld",
    ),
    CatalogueFilter(
        parameter="lage",
        label="Lage",
        description="Kurzname einer Lage",
        classification="lage",
    ),
)


def catalogue_filters(fields: tuple[ProfileField, ...]) -> tuple[CatalogueFilter, ...]:
    return (
        *CLASSIFICATION_FILTERS,
        *(
            CatalogueFilter(
                parameter=field.filter_parameter,
                label=field.label,
                description=field.api_description,
                field=field.name,
                choices=field.choices,
                many=field.many,
            )
            for field in fields
            if field.filter_parameter
        ),
    )


def wagtail_api_fields(fields: tuple[ProfileField, ...]) -> list[APIField]:
    return [APIField(field.name) for field in fields]


CATALOGUE_FILTERS = catalogue_filters(PROFILE_FIELDS)
