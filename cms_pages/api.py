"""The services of the catalogue as JSON: the same search, filters and sorting as /dienste/."""

from typing import Annotated

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema
from pydantic import create_model
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from shop.catalogue.api import ErrorOut
from shop.models import Dienst

from .catalogue import CatalogueQuery
from .models import ServicePage, ServicePageOzgLeistung
from .profile_fields import CATALOGUE_FILTERS, PROFILE_FIELDS, CatalogueFilter, ProfileField
from .selectors import PAGE_SIZE, service_page_catalogue, service_pages_for_cards

router = Router(tags=["Dienste"])


# PostgreSQL's `integer`: no page tree comes near it; a larger offset was a server error (the
# database's OFFSET overflowed), now it is a 400 like any other invalid parameter.
MAX_OFFSET = 2**31 - 1


class BoundedPagination(WagtailPagination):
    """Wagtail's paging of ?offset= and ?limit=, checked first with German messages and an
    upper bound for the offset."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_OFFSET
        _bounded_integer(request, "offset", maximum=MAX_OFFSET)
        _bounded_integer(request, "limit", maximum=limit_max)
        return super().paginate_queryset(queryset, request, view)


def _bounded_integer(request: HttpRequest, name: str, *, maximum: int) -> None:
    value = request.GET.get(name, "0")
    # The length first: Python refuses to convert a number of thousands of digits (ValueError).
    valid = value.isascii() and value.isdigit() and len(value) <= len(str(maximum))
    if not (valid and int(value) <= maximum):
        raise BadRequestError(f"{name} muss eine ganze Zahl von 0 bis {maximum} sein.")


class ServiceAwarePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages API; a listing loads the Dienste (product, orderability) and the OZG and
    LeiKa links of all its service profiles at once instead of per page. Paging parameters out
    of range are a 400 (BoundedPagination)."""

    pagination_class = BoundedPagination

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        _load_api_data([page for page in pages if isinstance(page, ServicePage)])
        return pages


def _load_api_data(service_pages: list[ServicePage]) -> None:
    """The Dienste and the OZG and LeiKa links of the pages, in three queries for all of them."""
    dienste = {
        dienst.page_id: dienst
        for dienst in Dienst.objects.filter(page_id__in=[page.pk for page in service_pages])
    }
    for page in service_pages:
        page._listed_dienst = dienste.get(page.pk)
    prefetch_related_objects(
        service_pages,
        Prefetch(
            "ozg_links",
            queryset=ServicePageOzgLeistung.objects.select_related(
                "ozg_leistung__lage__themenfeld"
            ),
        ),
        "ozg_links__ozg_leistung__leika_leistungen",
    )


def catalogue_parameters_schema(filters: tuple[CatalogueFilter, ...]) -> type[Schema]:
    """Invalid values are ignored, as on the HTML catalogue; several values of a filter combine
    with OR, different filters with AND."""
    return create_model(
        "CatalogueParameters",
        __base__=Schema,
        q=(str | None, Field(None, description="Suchbegriff, OZG-ID oder LeiKa-Schlüssel")),
        **{
            item.parameter: (list[str], Field([], description=item.description)) for item in filters
        },
        sortierung=(str | None, Field(None, description="relevanz, name oder neu")),
        seite=(str | None, Field(None, description="Seite der Ergebnisliste, ab 1")),
    )


class OzgLeistungRef(Schema):
    ozg_id: str
    name: str
    lage: str
    themenfeld: str


class Contact(Schema):
    role: str
    name: str
    email: str
    phone: str


def _listed(fields: tuple[ProfileField, ...]) -> tuple[ProfileField, ...]:
    return tuple(field for field in fields if field.in_services_api and field.in_listing)


def _detail_only(fields: tuple[ProfileField, ...]) -> tuple[ProfileField, ...]:
    return tuple(field for field in fields if field.in_services_api and not field.in_listing)


def _schema_fields(fields: tuple[ProfileField, ...]) -> dict:
    return {f.name: (f.api_type, Field(..., description=f.api_description)) for f in fields}


def service_schemas(fields: tuple[ProfileField, ...]) -> tuple[type[Schema], type[Schema]]:
    """The services API's schemas of a service: in the list, and on its own with everything."""
    summary = create_model(
        "ServiceSummary",
        __base__=Schema,
        id=(int, ...),
        title=(str, ...),
        url=(str, ...),
        **_schema_fields(_listed(fields)),
    )
    detail = create_model(
        "ServiceDetail",
        __base__=summary,
        **_schema_fields(_detail_only(fields)),
        ozg_leistungen=(list[OzgLeistungRef], ...),
        contacts=(list[Contact], ...),
    )
    return summary, detail


CatalogueParameters = catalogue_parameters_schema(CATALOGUE_FILTERS)
ServiceSummary, ServiceDetail = service_schemas(PROFILE_FIELDS)
LISTED_FIELDS = _listed(PROFILE_FIELDS)
DETAIL_FIELDS = _detail_only(PROFILE_FIELDS)


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetOptionOut]


class ServiceList(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[ServiceSummary]
    facets: list[FacetOut]


def _values(page: ServicePage, fields: tuple[ProfileField, ...]) -> dict:
    return {field.name: getattr(page, field.name) for field in fields}


def _summary(page: ServicePage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url or "",
        **_values(page, LISTED_FIELDS),
    }


@router.get("/dienste", response=ServiceList, summary="Dienste suchen und filtern")
def service_list(request: HttpRequest, parameters: Query[CatalogueParameters]):
    query = CatalogueQuery.from_params(request.GET)
    result = service_page_catalogue(query=query)
    return {
        "count": result.total,
        "page": result.page.number,
        "pages": result.page.paginator.num_pages,
        "page_size": PAGE_SIZE,
        "results": [
            _summary(page) for page in service_pages_for_cards(page_ids=result.page.object_list)
        ],
        "facets": result.facets,
    }


# Page IDs are 32-bit integers in the database; a larger number would not even reach it.
MAX_PAGE_ID = 2**31 - 1


@router.get(
    "/dienste/{page_id}",
    response={200: ServiceDetail, 404: ErrorOut},
    summary="Steckbrief eines Dienstes",
)
def service_detail(request: HttpRequest, page_id: Annotated[int, Path(ge=1, le=MAX_PAGE_ID)]):
    page = ServicePage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404("Kein veröffentlichter Dienst mit dieser ID.")
    _load_api_data([page])
    return {
        **_summary(page),
        **_values(page, DETAIL_FIELDS),
        "ozg_leistungen": [
            {
                "ozg_id": link.ozg_leistung.ozg_id,
                "name": link.ozg_leistung.name,
                "lage": link.ozg_leistung.lage.name,
                "themenfeld": link.ozg_leistung.lage.themenfeld.name,
            }
            for link in page.ozg_links.all()
        ],
        "contacts": list(page.contacts.values("role", "name", "email", "phone")),
    }


class WagtailPageMeta(Schema):
    type: str = Field(description="Seitentyp, z. B. cms_pages.ServicePage")
    detail_url: str


def _absent(schema: dict) -> None:
    """A field that a page of another type or a listing without it leaves out, never null."""
    schema.pop("default", None)


def wagtail_page_schema(fields: tuple[ProfileField, ...]) -> type[Schema]:
    return create_model(
        "WagtailPage",
        __base__=Schema,
        __doc__="Eine Seite aus Wagtails API v2. Ein Dienst-Steckbrief (cms_pages.ServicePage) "
        "hat außerdem diese Felder: in der Liste die mit fields verlangten, in der Einzelansicht "
        "alle.",
        id=(int, ...),
        meta=(WagtailPageMeta, ...),
        title=(str, ...),
        **{
            f.name: (
                f.api_type,
                Field(None, description=f.api_description, json_schema_extra=_absent),
            )
            for f in fields
        },
    )


WagtailPage = wagtail_page_schema(PROFILE_FIELDS)
_WAGTAIL_PAGE = {"$ref": "#/components/schemas/WagtailPage"}
_WAGTAIL_TAGS = ["Seiten (Wagtail)"]

# Wagtail's pages API (/api/v2/, ServiceAwarePagesAPIViewSet) in the OpenAPI document of the
# shop's API (ozg_site.api): Wagtail describes only its API v3, at other addresses and in
# another shape, so the shop describes v2 itself, with the fields from cms_pages.profile_fields.
WAGTAIL_PAGES_PATHS = {
    "/api/v2/pages/": {
        "get": {
            "tags": _WAGTAIL_TAGS,
            "summary": "Veröffentlichte Seiten, z. B. alle Dienst-Steckbriefe",
            "operationId": "wagtail_pages_list",
            "parameters": [
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "schema": {"type": schema_type},
                    "description": description,
                }
                for name, schema_type, description in (
                    ("type", "string", "Seitentyp, z. B. cms_pages.ServicePage"),
                    (
                        "fields",
                        "string",
                        "Kommagetrennte Felder, * für alle; die eines Dienst-Steckbriefs: "
                        + ", ".join(field.name for field in PROFILE_FIELDS),
                    ),
                    ("search", "string", "Volltextsuche"),
                    ("child_of", "integer", "Nur Kinder dieser Seite"),
                    ("limit", "integer", "Anzahl je Antwort (höchstens 20)"),
                    ("offset", "integer", "Versatz"),
                )
            ],
            "responses": {
                "200": {
                    "description": "Liste der Seiten",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "meta": {
                                        "type": "object",
                                        "properties": {"total_count": {"type": "integer"}},
                                    },
                                    "items": {"type": "array", "items": _WAGTAIL_PAGE},
                                },
                            }
                        }
                    },
                },
                "400": {"description": "Ungültiger Parameter"},
            },
        }
    },
    "/api/v2/pages/{id}/": {
        "get": {
            "tags": _WAGTAIL_TAGS,
            "summary": "Eine veröffentlichte Seite mit allen Feldern",
            "operationId": "wagtail_pages_detail",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": {
                    "description": "Die Seite",
                    "content": {"application/json": {"schema": _WAGTAIL_PAGE}},
                },
                "404": {"description": "Keine veröffentlichte Seite mit dieser ID"},
            },
        }
    },
}
