"""Reads from the municipal registry."""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce

from shop.models import KREIS_KINDS, Gemeinde, Verwaltung


def verwaltung_list_with_counts(
    *,
    kreis_key: str | None = None,
    kind: str | None = None,
    search: str | None = None,
) -> QuerySet[Verwaltung]:
    """Active Verwaltungen with `gemeinde_count` and `population_sum` of the active Gemeinden
    they serve, in one query.

    A Kreis serves every Gemeinde in it; any other body the Gemeinden it administers (for an
    amtsfreie Gemeinde or a kreisfreie Stadt: itself). `kreis_key` is the 5-digit regional key
    of a Kreis or kreisfreie Stadt; `search` matches the name or the start of the regional key.
    """
    verwaltungen = (
        Verwaltung.objects.active()
        .select_related("kreis")
        .annotate(
            gemeinde_count=_served_gemeinden_total(Count("pk")),
            population_sum=_served_gemeinden_total(Sum("population")),
        )
    )
    if kreis_key:
        verwaltungen = verwaltungen.filter(kreis__regional_key=kreis_key)
    if kind:
        verwaltungen = verwaltungen.filter(kind=kind)
    if search:
        verwaltungen = verwaltungen.filter(
            Q(name__icontains=search) | Q(regional_key__startswith=search)
        )
    return verwaltungen


def verwaltung_get_by_regional_key(*, regional_key: str) -> Verwaltung | None:
    return Verwaltung.objects.select_related("kreis").filter(regional_key=regional_key).first()


def _served_gemeinden_total(aggregate: Count | Sum) -> Coalesce:
    # Subqueries rather than joins: joining both relations would multiply the rows counted.
    def total_over(relation: str) -> Subquery:
        gemeinden = Gemeinde.objects.filter(active=True, **{relation: OuterRef("pk")})
        return Subquery(
            gemeinden.order_by().values(relation).annotate(total=aggregate).values("total"),
            output_field=IntegerField(),
        )

    return Coalesce(
        Case(
            When(kind__in=KREIS_KINDS, then=total_over("kreis")),
            default=total_over("verwaltung"),
        ),
        0,
    )


def registry_figures() -> dict[str, int]:
    """Public figures for the home page: active Verwaltungen, Gemeinden and their population,
    in one query."""
    active_verwaltungen = (
        Verwaltung.objects.active().order_by().values("active").annotate(n=Count("pk")).values("n")
    )
    figures = Gemeinde.objects.filter(active=True).aggregate(
        gemeinden=Count("pk"),
        population=Sum("population"),
        # Max() only lifts the scalar subquery into the aggregate query.
        verwaltungen=Max(Subquery(active_verwaltungen, output_field=IntegerField())),
    )
    return {
        "verwaltungen": figures["verwaltungen"] or 0,
        "gemeinden": figures["gemeinden"],
        "population": figures["population"] or 0,
    }


def registry_kind_choices(*, model: type[Verwaltung] | type[Gemeinde]) -> list[tuple[str, str]]:
    """The kinds (value, label) that the registry's Verwaltungen or Gemeinden have, in the order
    of the choices: what the imported data has, e.g. Landkreis and Samtgemeinde for
    Niedersachsen, Kreis and Amt for Schleswig-Holstein."""
    present = set(model.objects.order_by().values_list("kind", flat=True).distinct())
    return [(value, label) for value, label in model.kind.field.choices if value in present]
