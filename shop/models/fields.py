"""Fields that several models declare alike; a module of its own, so that importing them does not
change the order in which the models are registered."""

from django.conf import settings
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


def person_foreign_key(*, verbose_name: str, required: bool = False) -> models.ForeignKey:
    """The person who did something to a record (decided, changed, asked), without a way back
    from the person. `required`: the record is evidence of what that person did, so the person
    is kept while it exists; otherwise the record outlives the person's account."""
    if required:
        return models.ForeignKey(
            settings.AUTH_USER_MODEL,
            on_delete=models.PROTECT,
            related_name="+",
            verbose_name=verbose_name,
        )
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
