"""Model-level guards: a published agreement version and an acceptance record stay as they are.

They hold for every save() and delete() of an instance and for QuerySet.delete() (Django sends
pre_delete per row as soon as a receiver listens). QuerySet.update() sends no signal: on
PostgreSQL the triggers of migration shop 0002_squashed_0024 refuse it, for acceptance records
also AcceptanceRecordQuerySet. Connected by importing this module in ShopConfig.ready().
"""

from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver

from shop.models import AcceptanceRecord, AgreementVersion, ImmutableError

# Every column of a version except `created_at`; once published none of them changes, also
# not `published_at` (no unpublishing) and not the hash.
AGREEMENT_VERSION_FROZEN_FIELDS = (
    "agreement",
    "version",
    "text",
    "pdf",
    "valid_from",
    "published_at",
    "text_sha256",
)


def _frozen_attnames() -> list[str]:
    return [
        AgreementVersion._meta.get_field(name).attname for name in AGREEMENT_VERSION_FROZEN_FIELDS
    ]


@receiver(pre_save, sender=AgreementVersion, dispatch_uid="agreement_version_immutable_save")
def agreement_version_refuse_change(sender, instance: AgreementVersion, **kwargs) -> None:
    """Refuse to save a published version with any value different from the stored row."""
    if instance.pk is None:
        return
    attnames = _frozen_attnames()
    stored = sender._base_manager.filter(pk=instance.pk).values(*attnames).first()
    if stored is None or stored["published_at"] is None:
        return
    changed = [name for name in attnames if getattr(instance, name) != stored[name]]
    if changed:
        raise ImmutableError(
            f"Version {stored['version']} ist veröffentlicht und kann nicht mehr geändert werden "
            "(Felder: " + ", ".join(changed) + "). Bitte legen Sie eine neue Version an."
        )


@receiver(pre_delete, sender=AgreementVersion, dispatch_uid="agreement_version_immutable_delete")
def agreement_version_refuse_delete(sender, instance: AgreementVersion, **kwargs) -> None:
    """Refuse to delete a published version (whatever the instance in memory says)."""
    if sender._base_manager.filter(pk=instance.pk, published_at__isnull=False).exists():
        raise ImmutableError(
            f"Version {instance.version} ist veröffentlicht und wird nie gelöscht."
        )


@receiver(pre_save, sender=AcceptanceRecord, dispatch_uid="acceptance_record_immutable_save")
def acceptance_record_refuse_change(sender, instance: AcceptanceRecord, **kwargs) -> None:
    """Also for saves that bypass AcceptanceRecord.save() (save_base, fixtures)."""
    if instance.pk is not None and sender._base_manager.filter(pk=instance.pk).exists():
        raise ImmutableError(sender.refusal("geändert"))


@receiver(pre_delete, sender=AcceptanceRecord, dispatch_uid="acceptance_record_immutable_delete")
def acceptance_record_refuse_delete(sender, instance: AcceptanceRecord, **kwargs) -> None:
    """Also for deletes that bypass AcceptanceRecord.delete() (a Collector, e.g. a cascade)."""
    raise ImmutableError(sender.refusal("gelöscht"))
