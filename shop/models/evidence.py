"""Records kept as evidence: written once, never changed, never deleted. A module without models
of its own, so that importing it does not change the order in which the models are registered."""

from django.core.exceptions import ValidationError
from django.db import models


class ImmutableError(ValidationError):
    pass


class EvidenceQuerySet(models.QuerySet):
    """QuerySet.update() and .delete() bypass the instance's save() and delete()."""

    def update(self, **kwargs):
        raise ImmutableError(self.model.refusal("geändert"))

    def delete(self):
        raise ImmutableError(self.model.refusal("gelöscht"))


class Evidence(models.Model):
    """A record that is evidence of what someone did: the ORM refuses to change or delete it.
    The refusal names the records by their Meta.verbose_name_plural."""

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError(self.refusal("geändert"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError(self.refusal("gelöscht"))

    @classmethod
    def refusal(cls, change: str) -> str:
        return f"{cls._meta.verbose_name_plural} werden nie {change}."
