"""Reads on the service profiles: the catalogue with search and facets, home page selections."""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from shop.models import Dienst, Lage, LeikaLeistung, Themenfeld

from .caching import cache_generation, cache_key_digest, generation_cached, public
from .catalogue import FILTER_PARAMETERS, SORT_NEWEST, SORT_RELEVANCE, CatalogueQuery
from .choices import Reifegrad, ServiceType
from .models import ServicePage, ServicePageOzgLeistung

PAGE_SIZE = 12


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass(frozen=True)
class CatalogueResult:
    page: PaginatorPage
    total: int
    facets: list[Facet]
    # Names the facets' state in this generation of the page cache: the page keeps the
    # rendered filters under it (site/templates/cms_pages/service_index_page.html).
    facets_key: str = ""


def _links_to(services: QuerySet) -> QuerySet:
    return ServicePageOzgLeistung.objects.filter(page__in=services.values("pk"))


def _filter_conditions(query: CatalogueQuery) -> dict[str, Q]:
    def pages_linked_to(**lookup) -> Q:
        return Q(pk__in=ServicePageOzgLeistung.objects.filter(**lookup).values("page_id"))

    builders = {
        "themenfeld": lambda values: pages_linked_to(
            ozg_leistung__lage__themenfeld__slug__in=values
        ),
        "lage": lambda values: pages_linked_to(ozg_leistung__lage__slug__in=values),
        "typ": lambda values: Q(service_type__in=values),
        "reifegrad": lambda values: Q(reifegrad__in=[int(value) for value in values]),
        "verfuegbarkeit": lambda values: Q(availability__in=values),
    }
    return {name: builders[name](values) for name, values in query.filters.items()}


def _all_except(conditions: dict[str, Q], excluded: str) -> Q:
    combined = Q()
    for name, condition in conditions.items():
        if name != excluded:
            combined &= condition
    return combined


def _with_card_data(services: QuerySet) -> QuerySet:
    return services.prefetch_related(
        Prefetch(
            "ozg_links",
            queryset=ServicePageOzgLeistung.objects.select_related(
                "ozg_leistung__lage__themenfeld"
            ),
        )
    )


def service_page_catalogue(
    *, query: CatalogueQuery, page_size: int = PAGE_SIZE, request=None
) -> CatalogueResult:
    """The live service profiles matching the query, one page of them, and the facet counts.

    Facet counts follow the usual rule: an option's count is what the result would be with that
    option added, keeping every other filter. The number of queries is fixed. Serving the page
    (`request` given), a search's ranking and the facets of a search and filter state are kept
    per generation of the page cache (cms_pages.caching: they change only when a page is
    published, unpublished, moved or deleted).
    """
    candidates = public(ServicePage.objects.live(), request)
    relevance_order: list[int] = []
    if query.text:
        # The search index changes when a page is published: the ranking of a search is kept
        # per generation of the page cache (only the page IDs, so nothing else is loaded).
        def search() -> list[int]:
            return [page.pk for page in candidates.only("pk").search(query.text)]

        relevance_order = (
            generation_cached("catalogue-search", (query.text,), search, request=request)
            if request is not None
            else search()
        )
        candidates = candidates.filter(pk__in=relevance_order)

    conditions = _filter_conditions(query)
    results = candidates.filter(_all_except(conditions, excluded=""))
    sort = query.effective_sort
    if sort == SORT_NEWEST:
        results = results.order_by("-first_published_at", "title")
    else:
        results = results.order_by("title")

    paginator = Paginator(_with_card_data(results), page_size, allow_empty_first_page=True)
    if sort == SORT_RELEVANCE:
        # The search ranked the pages; keep that order across the paginated, filtered result.
        rank = {pk: position for position, pk in enumerate(relevance_order)}
        matching = sorted(results.values_list("pk", flat=True), key=rank.__getitem__)
        paginator = Paginator(matching, page_size, allow_empty_first_page=True)
    page = paginator.get_page(query.page)
    if sort == SORT_RELEVANCE:
        by_pk = {
            service.pk: service
            for service in _with_card_data(results.filter(pk__in=page.object_list))
        }
        page.object_list = [by_pk[pk] for pk in page.object_list]

    facets_state = (
        query.text,
        tuple((name, query.selected(name)) for name in FILTER_PARAMETERS),
    )

    def facets() -> list[Facet]:
        return _facets(query=query, candidates=candidates, conditions=conditions)

    if request is None:  # the API: counted now, as before
        return CatalogueResult(page=page, total=paginator.count, facets=facets())
    return CatalogueResult(
        page=page,
        total=paginator.count,
        facets=generation_cached("catalogue-facets", facets_state, facets, request=request),
        facets_key=f"{cache_generation(request)}:{cache_key_digest(facets_state)}",
    )


def _counted(rows, key: str) -> dict[str, int]:
    return {str(row[key]): row["count"] for row in rows}


def _facets(
    *, query: CatalogueQuery, candidates: QuerySet, conditions: dict[str, Q]
) -> list[Facet]:
    def narrowed(excluded: str) -> QuerySet:
        return candidates.filter(_all_except(conditions, excluded))

    themenfeld_counts = _counted(
        _links_to(narrowed("themenfeld"))
        .values("ozg_leistung__lage__themenfeld__slug")
        .annotate(count=Count("page_id", distinct=True)),
        "ozg_leistung__lage__themenfeld__slug",
    )
    lage_counts = _counted(
        _links_to(narrowed("lage"))
        .values("ozg_leistung__lage__slug")
        .annotate(count=Count("page_id", distinct=True)),
        "ozg_leistung__lage__slug",
    )
    type_counts = _counted(
        narrowed("typ").order_by().values("service_type").annotate(count=Count("pk")),
        "service_type",
    )
    reifegrad_counts = _counted(
        narrowed("reifegrad").order_by().values("reifegrad").annotate(count=Count("pk")),
        "reifegrad",
    )
    availability_counts = _counted(
        narrowed("verfuegbarkeit").order_by().values("availability").annotate(count=Count("pk")),
        "availability",
    )

    lagen = list(Lage.objects.select_related("themenfeld").order_by("name"))
    themenfelder = sorted({lage.themenfeld for lage in lagen}, key=lambda t: t.name)

    def options(name: str, choices: list[tuple[str, str]], counts: dict[str, int]):
        selected = query.selected(name)
        return [
            FacetOption(
                value=value, label=label, count=counts.get(value, 0), selected=value in selected
            )
            for value, label in choices
            if counts.get(value) or value in selected
        ]

    return [
        Facet(
            "themenfeld",
            "Themenfeld",
            options("themenfeld", [(t.slug, t.name) for t in themenfelder], themenfeld_counts),
        ),
        Facet(
            "lage", "Lage", options("lage", [(lage.slug, lage.name) for lage in lagen], lage_counts)
        ),
        Facet("typ", "Art des Dienstes", options("typ", ServiceType.choices, type_counts)),
        Facet(
            "reifegrad",
            "OZG-Reifegrad",
            options(
                "reifegrad", [(str(v), label) for v, label in Reifegrad.choices], reifegrad_counts
            ),
        ),
        Facet(
            "verfuegbarkeit",
            "Verfügbarkeit",
            options("verfuegbarkeit", Dienst.Availability.choices, availability_counts),
        ),
    ]


@dataclass(frozen=True)
class HomeSelection:
    featured: list[ServicePage]
    newest: list[ServicePage]
    total: int


def service_page_home_selection(
    *, featured_limit: int = 6, newest_limit: int = 3, request=None
) -> HomeSelection:
    # Home page cards leave out the Themenfelder, which saves a prefetch query per list.
    live = public(ServicePage.objects.live(), request)
    return HomeSelection(
        featured=list(live.filter(featured=True).order_by("title")[:featured_limit]),
        newest=list(live.order_by("-first_published_at", "title")[:newest_limit]),
        total=live.count(),
    )


def service_page_related(*, page: ServicePage, limit: int = 4, request=None) -> list[ServicePage]:
    """Other live profiles in the same Lage(n)."""
    lage_ids = ServicePageOzgLeistung.objects.filter(page=page).values("ozg_leistung__lage_id")
    related = (
        public(ServicePage.objects.live(), request)
        .exclude(pk=page.pk)
        .filter(
            pk__in=ServicePageOzgLeistung.objects.filter(ozg_leistung__lage_id__in=lage_ids).values(
                "page_id"
            )
        )
        .order_by("title")
    )
    return list(related[:limit])


@dataclass(frozen=True)
class RelatedService:
    title: str
    url: str


def _related_links(*, page: ServicePage, request=None) -> list[RelatedService]:
    """The related profiles as title and address, kept per generation of the page cache (they
    change only when a page is published, unpublished, moved or deleted)."""

    def compute() -> list[RelatedService]:
        return [
            RelatedService(title=service.title, url=service.get_url(request) or "")
            for service in service_page_related(page=page, request=request)
        ]

    host = request.get_host() if request is not None else ""
    return generation_cached("related", (page.pk, host), compute, request=request)


@dataclass(frozen=True)
class ServiceProfile:
    ozg_leistungen: list
    leika_leistungen: list[LeikaLeistung]
    lagen: list[Lage]
    themenfelder: list[Themenfeld]
    dienst: Dienst | None
    related: list[RelatedService]
    catalogue_url: str


def service_page_profile(*, page: ServicePage, request=None) -> ServiceProfile:
    """Everything a profile shows beyond its own fields, in a fixed number of queries."""
    ozg_leistungen = [
        link.ozg_leistung
        for link in page.ozg_links.select_related("ozg_leistung__lage__themenfeld")
    ]
    lagen = list({o.lage_id: o.lage for o in ozg_leistungen}.values())
    catalogue = page.get_parent()
    return ServiceProfile(
        ozg_leistungen=ozg_leistungen,
        leika_leistungen=list(
            LeikaLeistung.objects.filter(ozg_leistung__in=[o.pk for o in ozg_leistungen])
            .exclude(key="")
            .order_by("key")
        ),
        lagen=lagen,
        themenfelder=list({lage.themenfeld_id: lage.themenfeld for lage in lagen}.values()),
        dienst=Dienst.objects.filter(page_id=page.pk).first(),
        # A new profile in the editor's preview is not saved yet and relates to nothing.
        related=_related_links(page=page, request=request) if page.pk else [],
        catalogue_url=(catalogue.get_url(request) or "/dienste/") if catalogue else "/dienste/",
    )
