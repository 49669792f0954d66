"""The services of the catalogue as JSON: the same search, filters and sorting as /dienste/."""

from typing import Annotated

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from shop.catalogue.api import ErrorOut
from shop.models import Dienst

from .catalogue import CatalogueQuery
from .models import ServicePage, ServicePageOzgLeistung
from .selectors import PAGE_SIZE, service_page_catalogue, service_page_profile

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
        service_pages = [page for page in pages if isinstance(page, ServicePage)]
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
                queryset=ServicePageOzgLeistung.objects.select_related("ozg_leistung"),
            ),
            "ozg_links__ozg_leistung__leika_leistungen",
        )
        return pages


class CatalogueParameters(Schema):
    """Invalid values are ignored, as on the HTML catalogue; several values of a filter combine
    with OR, different filters with AND."""

    q: str | None = Field(None, description="Suchbegriff, OZG-ID oder LeiKa-Schlüssel")
    themenfeld: list[str] = Field([], description="Kurzname eines Themenfelds")
    lage: list[str] = Field([], description="Kurzname einer Lage")
    typ: list[str] = Field([], description="basisdienst, online_dienst_efa oder landesdienst")
    reifegrad: list[str] = Field([], description="OZG-Reifegrad 0 bis 4")
    verfuegbarkeit: list[str] = Field([], description="verfuegbar oder in_vorbereitung")
    sortierung: str | None = Field(None, description="relevanz, name oder neu")
    seite: str | None = Field(None, description="Seite der Ergebnisliste, ab 1")


class OzgLeistungRef(Schema):
    ozg_id: str
    name: str
    lage: str
    themenfeld: str


class ServiceSummary(Schema):
    id: int
    title: str
    url: str
    short_description: str
    service_type: str
    reifegrad: int
    availability: str
    ozg_ids: list[str]


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


class Contact(Schema):
    role: str
    name: str
    email: str
    phone: str


class ServiceDetail(ServiceSummary):
    provider: str
    operating_model: str
    cost: str
    requires_servicekonto: bool
    requires_postfach: bool
    requires_epayment: bool
    transport_route: str
    requires_dvdv_entry: bool
    vertrauensniveau: str
    fachverfahren_interface: str
    ozg_leistungen: list[OzgLeistungRef]
    leika_keys: list[str]
    contacts: list[Contact]
    product_id: int | None
    is_orderable: bool


def _summary(page: ServicePage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url or "",
        "short_description": page.short_description,
        "service_type": page.service_type,
        "reifegrad": page.reifegrad,
        "availability": page.availability,
        "ozg_ids": page.ozg_ids,
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
        "results": [_summary(page) for page in result.page.object_list],
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
    profile = service_page_profile(page=page)
    dienst = profile.dienst
    return {
        **_summary(page),
        "provider": page.provider,
        "operating_model": page.operating_model,
        "cost": page.cost,
        "requires_servicekonto": page.requires_servicekonto,
        "requires_postfach": page.requires_postfach,
        "requires_epayment": page.requires_epayment,
        "transport_route": page.transport_route,
        "requires_dvdv_entry": page.requires_dvdv_entry,
        "vertrauensniveau": page.vertrauensniveau,
        "fachverfahren_interface": page.fachverfahren_interface,
        "ozg_leistungen": [
            {
                "ozg_id": leistung.ozg_id,
                "name": leistung.name,
                "lage": leistung.lage.name,
                "themenfeld": leistung.lage.themenfeld.name,
            }
            for leistung in profile.ozg_leistungen
        ],
        "leika_keys": [leika.key for leika in profile.leika_leistungen],
        "contacts": list(page.contacts.values("role", "name", "email", "phone")),
        "product_id": dienst.product_id if dienst else None,
        "is_orderable": bool(dienst and dienst.is_orderable),
    }
