"""Reads for the rollout reports: coverage per service and per Kreis, and the home page's public
figures. Each function costs a fixed number of queries, however many rows there are: the
database aggregates, Python only puts the aggregates together.

What the figures count (the same everywhere in this module):

- Verwaltungen and Gemeinden count when they are active in the registry; the totals ("von N")
  are taken from the database on every call, never fixed in the code.
- An ordered service (one order line: one service for one Verwaltung) is *ordered* while it is
  active, that is neither rejected nor cancelled, whatever its status in the rollout.
- It is *live* when it is active and its Oscar line has the status "Live".
- A live service covers the Gemeinden of its active coverage rows. A Kreis orders for itself
  (its coverage row names no Gemeinde): once live, that order counts as covering every active
  Gemeinde in the Kreis (`Gemeinde.kreis`), because a Kreis's service serves all its
  inhabitants. A Gemeinde covered both by its own body's order and by its Kreis's order counts
  once. Inhabitants are the `population` of the covered Gemeinden; the Land's population is that
  of all active Gemeinden.
"""

from dataclasses import dataclass
from typing import Literal

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from shop.models import (
    Dienst,
    Gemeinde,
    Membership,
    OrderedService,
    RolloutStatus,
    ServiceCoverage,
    User,
    Verwaltung,
)

REPORT_PERMISSION = "shop.view_servicecoverage"


@dataclass(frozen=True)
class Share:
    """`count` of `total`, with the percentage (None when there is nothing to count)."""

    count: int
    total: int

    @property
    def percent(self) -> float | None:
        return self.count * 100 / self.total if self.total else None


@dataclass(frozen=True)
class DienstCoverage:
    """How far one service is rolled out in the Land."""

    dienst_id: int
    title: str
    url: str
    is_orderable: bool
    ordered: Share  # Verwaltungen with the service ordered (any status but ended), of all
    live: Share  # Verwaltungen with the service live, of all
    gemeinden: Share  # Gemeinden the service covers live, of all
    population: Share  # their inhabitants, of the Land's


@dataclass(frozen=True)
class DienstCoverageReport:
    """The totals of the Land (active Verwaltungen, Gemeinden, their inhabitants) and one row
    per service."""

    verwaltungen: int
    gemeinden: int
    population: int
    rows: list[DienstCoverage]


@dataclass(frozen=True)
class DienstColumn:
    dienst_id: int
    title: str


@dataclass(frozen=True)
class KreisCoverage:
    """One Kreis or kreisfreie Stadt with the bodies that belong to it (itself included)."""

    kreis_id: int
    name: str
    kind_label: str
    with_live_service: Share  # bodies with at least one service live, of the Kreis's bodies
    per_dienst: list[Share]  # per column of the report: bodies with that service live


@dataclass(frozen=True)
class KreisCoverageReport:
    dienste: list[DienstColumn]
    kreise: list[KreisCoverage]

    @property
    def dienst_rows(self) -> list[tuple[DienstColumn, list[Share]]]:
        """The same shares turned round: per service, one per Kreis in the order of `kreise`."""
        return [
            (column, [kreis.per_dienst[index] for kreis in self.kreise])
            for index, column in enumerate(self.dienste)
        ]


def reports_visible_to(*, user: User) -> bool:
    """Staff with the permission to see the coverage (the Fulfilment group has it) and
    superusers."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.is_staff and user.has_perm(REPORT_PERMISSION))


def _live_ordered_services() -> QuerySet[OrderedService]:
    return OrderedService.objects.filter(is_active=True, line__status=RolloutStatus.LIVE)


def _live_coverage() -> QuerySet[ServiceCoverage]:
    return ServiceCoverage.objects.filter(
        is_active=True,
        ordered_service__is_active=True,
        ordered_service__line__status=RolloutStatus.LIVE,
    )


def _reported_dienste() -> QuerySet[Dienst]:
    """The published services and any other that has ever been ordered, by title."""
    ever_ordered = OrderedService.objects.filter(dienst=OuterRef("pk"))
    return Dienst.objects.filter(Q(is_published=True) | Q(Exists(ever_ordered))).order_by(
        "title", "pk"
    )


def coverage_by_dienst() -> DienstCoverageReport:
    """The Land's totals and, per published service (and any other ever ordered) by title: how
    many active Verwaltungen have ordered it and have it live, of all active Verwaltungen; how
    many active Gemeinden and inhabitants it covers live, of all (see the module's docstring for
    what counts, a Kreis's own order covers all its Gemeinden). Four queries."""
    verwaltungen_total, gemeinden_total, population_total = _scalars(
        _aggregate_sql(Verwaltung.objects.active()),
        _aggregate_sql(Gemeinde.objects.filter(active=True)),
        _aggregate_sql(Gemeinde.objects.filter(active=True), function="SUM", column="population"),
    )
    ordered = Q(ordered_services__is_active=True, ordered_services__verwaltung__active=True)
    live = ordered & Q(ordered_services__line__status=RolloutStatus.LIVE)
    dienste = _reported_dienste().annotate(
        ordered_count=Count("ordered_services__verwaltung", filter=ordered, distinct=True),
        live_count=Count("ordered_services__verwaltung", filter=live, distinct=True),
    )

    kreis_own_orders = _live_coverage().filter(gemeinde__isnull=True)
    # Gemeinden named in coverage rows, except those that their Kreis's own order covers
    # anyway. One active row per service and Gemeinde (a database constraint): no duplicates.
    direct = (
        _live_coverage()
        .filter(gemeinde__active=True)
        .filter(
            ~Exists(
                kreis_own_orders.filter(
                    dienst_id=OuterRef("dienst_id"), verwaltung_id=OuterRef("gemeinde__kreis_id")
                )
            )
        )
        .order_by()
        .values("dienst_id")
        .annotate(gemeinden=Count("gemeinde_id"), population=Sum("gemeinde__population"))
    )
    # Every active Gemeinde of a Kreis that has the service live for itself.
    in_kreis = Q(verwaltung__gemeinden_im_kreis__active=True)
    via_kreis = (
        kreis_own_orders.order_by()
        .values("dienst_id")
        .annotate(
            gemeinden=Count("verwaltung__gemeinden_im_kreis", filter=in_kreis),
            population=Sum("verwaltung__gemeinden_im_kreis__population", filter=in_kreis),
        )
    )
    covered: dict[int, list[int]] = {}
    for row in [*direct, *via_kreis]:
        gemeinden, population = covered.get(row["dienst_id"], [0, 0])
        covered[row["dienst_id"]] = [
            gemeinden + row["gemeinden"],
            population + (row["population"] or 0),
        ]

    rows = [
        DienstCoverage(
            dienst_id=dienst.pk,
            title=dienst.title,
            url=dienst.url,
            is_orderable=dienst.is_orderable,
            ordered=Share(dienst.ordered_count, verwaltungen_total),
            live=Share(dienst.live_count, verwaltungen_total),
            gemeinden=Share(covered.get(dienst.pk, [0, 0])[0], gemeinden_total),
            population=Share(covered.get(dienst.pk, [0, 0])[1], population_total),
        )
        for dienst in dienste
    ]
    return DienstCoverageReport(
        verwaltungen=verwaltungen_total,
        gemeinden=gemeinden_total,
        population=population_total,
        rows=rows,
    )


def coverage_by_kreis() -> KreisCoverageReport:
    """Per Kreis-level body (the Kreise and kreisfreien Städte, by name) and its Verwaltungen
    (the active bodies whose `kreis` it is, itself included): the share with at least one
    service live, and per service (the columns: as in `coverage_by_dienst`) the share with that
    service live. Four queries."""
    dienste = [
        DienstColumn(dienst_id=pk, title=title)
        for pk, title in _reported_dienste().values_list("pk", "title")
    ]
    kreise = (
        Verwaltung.objects.active()
        .kreis_level()
        .annotate(
            verwaltungen_total=Count(
                "verwaltungen_im_kreis", filter=Q(verwaltungen_im_kreis__active=True)
            )
        )
        .order_by("name", "pk")
    )
    live = _live_ordered_services().filter(verwaltung__active=True).order_by()
    live_per_cell = {
        (row["verwaltung__kreis_id"], row["dienst_id"]): row["n"]
        for row in live.values("verwaltung__kreis_id", "dienst_id").annotate(
            n=Count("verwaltung_id", distinct=True)
        )
    }
    live_per_kreis = dict(
        live.values("verwaltung__kreis_id")
        .annotate(n=Count("verwaltung_id", distinct=True))
        .values_list("verwaltung__kreis_id", "n")
    )
    return KreisCoverageReport(
        dienste=dienste,
        kreise=[
            KreisCoverage(
                kreis_id=kreis.pk,
                name=kreis.name,
                kind_label=kreis.get_kind_display(),
                with_live_service=Share(live_per_kreis.get(kreis.pk, 0), kreis.verwaltungen_total),
                per_dienst=[
                    Share(
                        live_per_cell.get((kreis.pk, column.dienst_id), 0), kreis.verwaltungen_total
                    )
                    for column in dienste
                ],
            )
            for kreis in kreise
        ],
    )


def _aggregate_sql(
    queryset: QuerySet, *, function: Literal["COUNT", "SUM"] = "COUNT", column: str = "pk"
) -> tuple[str, list]:
    """A scalar subquery: the count of the queryset's rows or the sum of one column (0 when
    there are no rows). The SQL is the ORM's, with its parameters kept apart."""
    if function not in ("COUNT", "SUM"):
        raise ValueError(function)
    sql, params = queryset.order_by().values(column).query.sql_with_params()
    # The ORM names the selected column after the field asked for ("pk" AS "pk").
    name = connection.ops.quote_name(column)
    # Only the fixed function and a quoted column name are put into the text.
    subquery = f"(SELECT COALESCE({function}(aggregated.{name}), 0) FROM ({sql}) AS aggregated)"  # noqa: S608
    return subquery, list(params)


def _scalars(*parts: tuple[str, list]) -> list[int]:
    """The scalar subqueries as one SELECT without a table, so that each is right even when
    another table is empty (an aggregate over the rows of an empty table yields no value)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(sql for sql, _ in parts),
            [param for _, params in parts for param in params],
        )
        return [int(value) for value in cursor.fetchone()]


def public_figures() -> dict[str, int]:
    """The rollout in three numbers for the home page, in one query:

    - `services_offered`: published services that can be ordered now (not in preparation);
    - `verwaltungen_connected`: active Verwaltungen with at least one approved membership or at
      least one ordered service that is not rejected or cancelled (an order that ended in full
      does not connect a body, an approved person does even before the first order);
    - `services_live`: live ordered services of active Verwaltungen (each service counts once
      per Verwaltung that has it live).
    """
    offered = Dienst.objects.filter(is_published=True, availability=Dienst.Availability.AVAILABLE)
    connected = Verwaltung.objects.active().filter(
        Q(
            Exists(
                Membership.objects.filter(
                    verwaltung=OuterRef("pk"), status=Membership.Status.APPROVED
                )
            )
        )
        | Q(Exists(OrderedService.objects.filter(verwaltung=OuterRef("pk"), is_active=True)))
    )
    services_offered, verwaltungen_connected, services_live = _scalars(
        _aggregate_sql(offered),
        _aggregate_sql(connected),
        _aggregate_sql(_live_ordered_services().filter(verwaltung__active=True)),
    )
    return {
        "services_offered": services_offered,
        "verwaltungen_connected": verwaltungen_connected,
        "services_live": services_live,
    }


@dataclass(frozen=True)
class GemeindeLive:
    """One active Gemeinde with its coordinates (None when the registry has none) and how many
    of the selected services are live for it, of the number selected."""

    name: str
    kreis_name: str
    latitude: float | None
    longitude: float | None
    live: Share


def reported_dienst_ids() -> list[int]:
    """The ids of the services the report shows (published or ever ordered), by title."""
    return list(_reported_dienste().values_list("pk", flat=True))


def live_coverage_by_gemeinde(*, dienst_ids: list[int]) -> list[GemeindeLive]:
    """Per active Gemeinde, by Kreis and name: how many of the services `dienst_ids` are live
    for it (live coverage as in `coverage_by_dienst`: its own coverage rows, or its Kreis's
    order for itself, each service counted once), of `len(dienst_ids)`. One query, whatever the
    number of Gemeinden."""
    selected = _live_coverage().filter(dienst_id__in=dienst_ids)
    kreis_own_orders = selected.filter(gemeinde__isnull=True)
    direct = (
        selected.filter(gemeinde_id=OuterRef("pk"))
        .filter(
            ~Exists(
                kreis_own_orders.filter(
                    dienst_id=OuterRef("dienst_id"), verwaltung_id=OuterRef("gemeinde__kreis_id")
                )
            )
        )
        .order_by()
        .values("gemeinde_id")
        .annotate(n=Count("dienst_id", distinct=True))
        .values("n")
    )
    via_kreis = (
        kreis_own_orders.filter(verwaltung_id=OuterRef("kreis_id"))
        .order_by()
        .values("verwaltung_id")
        .annotate(n=Count("dienst_id", distinct=True))
        .values("n")
    )
    gemeinden = (
        Gemeinde.objects.filter(active=True)
        .annotate(
            direct=Coalesce(Subquery(direct), 0),
            via_kreis=Coalesce(Subquery(via_kreis), 0),
        )
        .order_by("kreis__name", "name", "pk")
        .values_list("name", "kreis__name", "latitude", "longitude", "direct", "via_kreis")
    )
    total = len(set(dienst_ids))
    return [
        GemeindeLive(
            name=name,
            kreis_name=kreis_name,
            latitude=None if latitude is None else float(latitude),
            longitude=None if longitude is None else float(longitude),
            live=Share(min(direct + via_kreis, total), total),
        )
        for name, kreis_name, latitude, longitude, direct, via_kreis in gemeinden
    ]
