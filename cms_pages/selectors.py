"""Reads on the service profiles: the catalogue with search and facets, home page selections."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from shop.models import Dienst, Lage, LeikaLeistung, Themenfeld, User, Verwaltung, VerwaltungKind
from shop.orders.selectors import verwaltungen_visible_to
from shop.registry.selectors import registry_kind_choices

from .caching import cache_generation, cache_key_digest, generation_cached, public
from .catalogue import SORT_NEWEST, SORT_RELEVANCE, CatalogueQuery
from .models import ServicePage, ServicePageOzgLeistung
from .profile_fields import (
    CATALOGUE_FILTERS,
    PROFILE_FIELDS,
    RESPONSIBILITY_FILTER,
    CatalogueFilter,
    ProfileField,
)

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
    # A page of the matching profiles' IDs: the catalogue shows them as cards
    # (cms_pages.cards), the API loads them with `service_pages_for_cards`.
    page: PaginatorPage
    total: int
    facets: list[Facet]
    # Names the facets' state in this generation of the page cache: the page keeps the
    # rendered filters under it (site/templates/cms_pages/service_index_page.html).
    facets_key: str = ""


def _links_to(services: QuerySet) -> QuerySet:
    return ServicePageOzgLeistung.objects.filter(page__in=services.values("pk"))


def _lists(field: str, value: str) -> Q:
    """The pages whose list `field` names `value` or is empty (all values). The list is JSON:
    a value is found as its quoted text, which works alike on SQLite and PostgreSQL."""
    return Q(**{field: []}) | Q(**{f"{field}__icontains": f'"{value}"'})


def _filter_conditions(query: CatalogueQuery) -> dict[str, Q]:
    conditions = {}
    for catalogue_filter in CATALOGUE_FILTERS:
        values = query.selected(catalogue_filter.parameter)
        if not values:
            continue
        if catalogue_filter.classification:
            lookup = f"ozg_leistung__{catalogue_filter.classification}__slug__in"
            linked = ServicePageOzgLeistung.objects.filter(**{lookup: values})
            condition = Q(pk__in=linked.values("page_id"))
        elif catalogue_filter.many:
            condition = Q()
            for value in values:
                condition |= _lists(catalogue_filter.field, value)
        else:
            condition = Q(**{f"{catalogue_filter.field}__in": values})
        conditions[catalogue_filter.parameter] = condition
    return conditions


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


def service_pages_for_cards(*, page_ids: Iterable[int]) -> list[ServicePage]:
    """The profiles with what a card shows of them, in the order of `page_ids`."""
    page_ids = list(page_ids)
    by_pk = {page.pk: page for page in _with_card_data(ServicePage.objects.filter(pk__in=page_ids))}
    return [by_pk[pk] for pk in page_ids if pk in by_pk]


def service_page_catalogue(
    *, query: CatalogueQuery, page_size: int = PAGE_SIZE, request=None
) -> CatalogueResult:
    """The live service profiles matching the query, one page of their IDs, and the facet
    counts.

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

    if sort == SORT_RELEVANCE:
        # The search ranked the pages; keep that order across the paginated, filtered result.
        rank = {pk: position for position, pk in enumerate(relevance_order)}
        page_ids = sorted(results.values_list("pk", flat=True), key=rank.__getitem__)
    else:
        page_ids = results.values_list("pk", flat=True)
    paginator = Paginator(page_ids, page_size, allow_empty_first_page=True)
    page = paginator.get_page(query.page)
    page.object_list = list(page.object_list)

    facets_state = (
        query.text,
        tuple(query.filters.items()),
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


def _facet_counts(catalogue_filter: CatalogueFilter, narrowed: QuerySet) -> dict[str, int]:
    """How many of the narrowed pages each option of the filter has."""
    if catalogue_filter.classification:
        key = f"ozg_leistung__{catalogue_filter.classification}__slug"
        rows = _links_to(narrowed).values(key).annotate(count=Count("page_id", distinct=True))
    elif catalogue_filter.many:
        # One query: per option, the pages that list it (or all options).
        return narrowed.order_by().aggregate(
            **{
                str(value): Count("pk", filter=_lists(catalogue_filter.field, str(value)))
                for value in catalogue_filter.choices.values
            }
        )
    else:
        key = catalogue_filter.field
        rows = narrowed.order_by().values(key).annotate(count=Count("pk"))
    return _counted(rows, key)


def _classification_options(path: str, lagen: list[Lage]) -> list[tuple[str, str]]:
    """The levels of the classification at `path` (from an OzgLeistung) that have a Lage."""
    levels = {}
    for lage in lagen:
        level = lage
        for name in path.split("__")[1:]:
            level = getattr(level, name)
        levels[level.pk] = level
    return [
        (level.slug, level.name) for level in sorted(levels.values(), key=lambda level: level.name)
    ]


def _facets(
    *, query: CatalogueQuery, candidates: QuerySet, conditions: dict[str, Q]
) -> list[Facet]:
    # One query for the options of every filter on the classification, whatever its level.
    above_lage = {
        catalogue_filter.classification.partition("__")[2]
        for catalogue_filter in CATALOGUE_FILTERS
        if "__" in catalogue_filter.classification
    }
    lagen = list(Lage.objects.select_related(*above_lage).order_by("name"))
    # The kinds of Verwaltung the imported registry has: no Samtgemeinde in Schleswig-Holstein.
    registry_kinds = {value for value, _ in registry_kind_choices(model=Verwaltung)}

    def facet(catalogue_filter: CatalogueFilter) -> Facet:
        name = catalogue_filter.parameter
        counts = _facet_counts(catalogue_filter, candidates.filter(_all_except(conditions, name)))
        if catalogue_filter.classification:
            choices = _classification_options(catalogue_filter.classification, lagen)
        else:
            choices = [(str(value), label) for value, label in catalogue_filter.choices.choices]
        if catalogue_filter.choices is VerwaltungKind and registry_kinds:
            choices = [(value, label) for value, label in choices if value in registry_kinds]
        selected = query.selected(name)
        options = [
            FacetOption(
                value=value, label=label, count=counts.get(value, 0), selected=value in selected
            )
            for value, label in choices
            if counts.get(value) or value in selected
        ]
        return Facet(name, catalogue_filter.label, options)

    return [facet(catalogue_filter) for catalogue_filter in CATALOGUE_FILTERS]


@dataclass(frozen=True)
class MemberCatalogueFilter:
    """ "Für meine Verwaltung": the catalogue filtered by the kinds of the person's Verwaltungen.
    `names`: the Verwaltungen ("Hüttener Berge (Amt)"); `params`: the catalogue's query string
    with the filter set (`active`: as it is now) or, when active, without it."""

    names: str
    params: str
    active: bool
    several: bool = False


def catalogue_filter_for_member(
    *, query: CatalogueQuery, user: User
) -> MemberCatalogueFilter | None:
    """None for a visitor or a person without an approved membership. One query."""
    if not user.is_authenticated:
        return None
    verwaltungen = list(verwaltungen_visible_to(user=user))
    if not verwaltungen:
        return None
    mine = {verwaltung.kind for verwaltung in verwaltungen}
    kinds = tuple(kind for kind in VerwaltungKind.values if kind in mine)
    active = set(query.selected(RESPONSIBILITY_FILTER)) == set(kinds)
    filters = {
        name: values for name, values in query.filters.items() if name != RESPONSIBILITY_FILTER
    }
    if not active:
        filters[RESPONSIBILITY_FILTER] = kinds
    return MemberCatalogueFilter(
        names=", ".join(str(verwaltung) for verwaltung in verwaltungen),
        params=query.to_params(filters=filters),
        active=active,
        several=len(verwaltungen) > 1,
    )


@dataclass(frozen=True)
class HomeSelection:
    featured: list[int]  # page IDs, shown as cards (cms_pages.cards)
    newest: list[int]
    total: int


def service_page_home_selection(
    *, featured_limit: int = 6, newest_limit: int = 3, request=None
) -> HomeSelection:
    live = public(ServicePage.objects.live(), request)
    return HomeSelection(
        featured=list(
            live.filter(featured=True)
            .order_by("title")
            .values_list("pk", flat=True)[:featured_limit]
        ),
        newest=list(
            live.order_by("-first_published_at", "title").values_list("pk", flat=True)[
                :newest_limit
            ]
        ),
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
class ProfileFact:
    label: str
    text: str


def _fact_text(field: ProfileField, value) -> str | None:
    if field.text is not None:
        return field.text(value)
    if field.choices is not None:
        return dict(field.choices.choices).get(value, str(value))
    if isinstance(value, bool):
        return field.yes_no[0] if value else field.yes_no[1]
    return str(value) if value not in ("", None) else field.when_empty


def _profile_facts(page: ServicePage) -> dict[str, list[ProfileFact]]:
    """The labelled fields of the page by the section of the profile that shows them."""
    facts: dict[str, list[ProfileFact]] = {}
    for field in PROFILE_FIELDS:
        if field.label:
            text = _fact_text(field, getattr(page, field.name))
            if text is not None:
                facts.setdefault(field.section, []).append(ProfileFact(field.label, text))
    return facts


@dataclass(frozen=True)
class ServiceProfile:
    facts: dict[str, list[ProfileFact]]
    ozg_leistungen: list
    leika_leistungen: list[LeikaLeistung]
    lagen: list[Lage]
    themenfelder: list[Themenfeld]
    related: list[RelatedService]
    catalogue_url: str


def service_page_dienst(*, page: ServicePage) -> Dienst | None:
    """The shop's service of the profile (none before its first publication)."""
    return page.shop_dienst()


def service_page_profile(*, page: ServicePage, request=None) -> ServiceProfile:
    """Everything a profile shows beyond its own fields, in a fixed number of queries."""
    ozg_leistungen = [
        link.ozg_leistung
        for link in page.ozg_links.select_related("ozg_leistung__lage__themenfeld")
    ]
    lagen = list({o.lage_id: o.lage for o in ozg_leistungen}.values())
    catalogue = page.get_parent()
    return ServiceProfile(
        facts=_profile_facts(page),
        ozg_leistungen=ozg_leistungen,
        leika_leistungen=list(
            LeikaLeistung.objects.filter(ozg_leistung__in=[o.pk for o in ozg_leistungen])
            .exclude(key="")
            .order_by("key")
        ),
        lagen=lagen,
        themenfelder=list({lage.themenfeld_id: lage.themenfeld for lage in lagen}.values()),
        # A new profile in the editor's preview is not saved yet and relates to nothing.
        related=_related_links(page=page, request=request) if page.pk else [],
        catalogue_url=(catalogue.get_url(request) or "/dienste/") if catalogue else "/dienste/",
    )
