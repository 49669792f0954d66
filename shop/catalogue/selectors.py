"""Reads from the OZG catalogue. Each function costs a fixed number of queries, however many
rows it returns."""

from django.db.models import Prefetch, Q, QuerySet

from shop.models import Dienst, Lage, LeikaLeistung, OzgLeistung, Themenfeld


def themenfeld_list() -> QuerySet[Themenfeld]:
    return Themenfeld.objects.order_by("name")


def lage_list(*, themenfeld_slug: str | None = None) -> QuerySet[Lage]:
    lagen = Lage.objects.select_related("themenfeld").order_by("themenfeld__name", "name")
    if themenfeld_slug:
        lagen = lagen.filter(themenfeld__slug=themenfeld_slug)
    return lagen


def ozg_leistung_list(
    *,
    lage_slug: str | None = None,
    themenfeld_slug: str | None = None,
    search: str | None = None,
) -> QuerySet[OzgLeistung]:
    """OZG-Leistungen with their Lage and Themenfeld, by OZG-ID. `search` matches a part of the
    name or the start of the OZG-ID."""
    leistungen = OzgLeistung.objects.select_related("lage__themenfeld").order_by("ozg_id")
    if lage_slug:
        leistungen = leistungen.filter(lage__slug=lage_slug)
    if themenfeld_slug:
        leistungen = leistungen.filter(lage__themenfeld__slug=themenfeld_slug)
    search = (search or "").strip()
    if search:
        leistungen = leistungen.filter(Q(name__icontains=search) | Q(ozg_id__startswith=search))
    return leistungen


def ozg_leistung_get(*, ozg_id: str) -> OzgLeistung | None:
    """One OZG-Leistung with its Lage, Themenfeld and LeiKa-Leistungen (by key), in two
    queries."""
    return (
        OzgLeistung.objects.select_related("lage__themenfeld")
        .prefetch_related(
            Prefetch("leika_leistungen", queryset=LeikaLeistung.objects.order_by("key", "name"))
        )
        .filter(ozg_id=ozg_id)
        .first()
    )


def dienst_url_for_product(*, product_id: int) -> str:
    """The address of the published service profile of an Oscar product, or ""."""
    return (
        Dienst.objects.filter(product_id=product_id, is_published=True)
        .exclude(url="")
        .values_list("url", flat=True)
        .first()
        or ""
    )
