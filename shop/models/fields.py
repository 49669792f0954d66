"""Fields that several models declare alike; a module of its own, so that importing them does not
change the order in which the models are registered."""

from django.db import models


def verwaltung_foreign_key(*, related_name: str) -> models.ForeignKey:
    """The Verwaltung that a membership, an order or an acceptance is for. Protected: a Verwaltung
    is never deleted while anything points at it, only marked inactive (shop.models.registry)."""
    return models.ForeignKey(
        "shop.Verwaltung",
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name="Verwaltung",
    )
