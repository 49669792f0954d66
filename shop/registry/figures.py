from django.db.models import Count, Sum

from shop.models import Gemeinde, Verwaltung


def registry_figures() -> dict[str, int]:
    """Public figures for the home page: active Verwaltungen, Gemeinden and their population."""
    gemeinden = Gemeinde.objects.filter(active=True).aggregate(
        count=Count("pk"), population=Sum("population")
    )
    return {
        "verwaltungen": Verwaltung.objects.active().count(),
        "gemeinden": gemeinden["count"],
        "population": gemeinden["population"] or 0,
    }
